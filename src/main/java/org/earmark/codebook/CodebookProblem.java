package org.earmark.codebook;

/**
 * One thing wrong with a codebook file.
 *
 * @param path JSONPath-style location, e.g. {@code $.codes[2].hotkey}
 * @param line 1-based line in the file (0 when unknown)
 */
public record CodebookProblem(String path, int line, String message) {

    /** A value quoted in a message (a 10 MB "hotkey") is cut to a readable length. */
    public CodebookProblem {
        message = org.earmark.core.Failures.abbreviate(message);
        path = org.earmark.core.Failures.abbreviate(path);
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + path + ": " + message;
    }
}
