package org.earmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.earmark.storage.CoderWorkReader;
import org.earmark.storage.FileKind;
import org.earmark.storage.StudyFile;
import org.earmark.storage.CoderFileSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark info FILE}: what an Earmark file holds, read without changing it. */
@Command(name = "info", description = "Show what an Earmark file holds: kind, study, coder, codebook, counts."
        + " The file is only read, never changed.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An Earmark coder file (.earmark), coder package, study file or study folder.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (java.nio.file.Files.isDirectory(file) && java.nio.file.Files.exists(file.resolve(StudyFile.FILE_NAME))) {
            file = file.resolve(StudyFile.FILE_NAME);
        }
        if (FileKind.of(file).orElse(null) == FileKind.STUDY) {
            printStudy(org.earmark.storage.StudySummary.of(file), out);
            return 0;
        }
        boolean pkg = org.earmark.study.PackageOpener.isPackage(file) && java.nio.file.Files.isRegularFile(file);
        CoderFileSummary s = pkg ? org.earmark.study.PackageOpener.summarise(file) : CoderWorkReader.summarise(file);
        if (json) {
            var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            var node = mapper.valueToTree(s);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("kind", pkg ? "coder package" : "coder file");
            out.println(mapper.writeValueAsString(node));
            return 0;
        }
        out.printf("%s%n", file);
        out.printf("  kind        Earmark %s (format %d)%n", pkg ? "coder package, holding a coder file" : "coder file",
                s.schemaVersion());
        out.printf("  study       %s (%s)%n", s.studyName(), s.studyId());
        out.printf("  coder       %s%n", s.coder());
        out.printf("  codebook    %s version %s%n", s.codebookId(), s.codebookVersion());
        out.printf("  hash        %s%n", s.codebookHash());
        out.printf("  recordings  %d%n", s.recordings());
        out.printf("  events      %d (%d deleted kept as tombstones)%n", s.events(), s.deletedEvents());
        out.printf("  created     %s by %s%n", s.createdAt(), s.createdBy());
        return 0;
    }

    private void printStudy(org.earmark.storage.StudySummary s, PrintWriter out) throws Exception {
        if (json) {
            var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(s);
            node.put("kind", "study file");
            out.println(mapper.writeValueAsString(node));
            return;
        }
        out.printf("%s%n", file);
        out.printf("  kind        Earmark study file (format %d)%n", s.schemaVersion());
        out.printf("  study       %s (%s)%n", s.name(), s.studyId());
        out.printf("  coders      %s%n", s.coders().isEmpty() ? "none assigned yet" : String.join(", ", s.coders()));
        out.printf("  codebook    %s version %s%n", s.codebookId(), s.codebookVersion());
        out.printf("  hash        %s%n", s.codebookHash());
        out.printf("  recordings  %d%n", s.recordings());
        out.printf("  events      %d merged%n", s.liveEvents());
        out.printf("  blinding    %s%n", s.unblinded() ? "unblinded" : "blind (allocation hidden)");
        out.printf("  created     %s by %s%n", s.createdAt(), s.createdBy());
    }
}
