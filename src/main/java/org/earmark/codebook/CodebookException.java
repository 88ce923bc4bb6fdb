package org.earmark.codebook;

import java.util.List;
import java.util.stream.Collectors;
import org.earmark.core.EarmarkException;

/** A codebook that cannot be used, with every problem found in it. */
public final class CodebookException extends EarmarkException {

    private final List<CodebookProblem> problems;

    public CodebookException(List<CodebookProblem> problems) {
        this(null, problems);
    }

    public CodebookException(String source, List<CodebookProblem> problems) {
        super(Kind.BAD_INPUT, summary(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<CodebookProblem> problems() {
        return problems;
    }

    /** The same problems, now said to be in the named file. */
    public CodebookException in(String source) {
        return new CodebookException(source, problems);
    }

    private static String summary(String source, List<CodebookProblem> problems) {
        String where = source == null ? "the codebook" : "codebook " + source;
        String head = problems.size() == 1 ? where + " has a problem: " : where + " has " + problems.size() + " problems:";
        if (problems.size() == 1) {
            return head + problems.get(0);
        }
        return head + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
