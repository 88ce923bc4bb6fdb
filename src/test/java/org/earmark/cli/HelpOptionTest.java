package org.earmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * A mistyped command ends with "Try 'earmark … --help' for more information", so every command and subcommand must
 * answer {@code --help} (and {@code -h}) with its usage, whatever it otherwise requires, and exit 0.
 */
class HelpOptionTest {

    @TestFactory
    List<DynamicTest> everyCommandAnswersHelp() {
        List<DynamicTest> tests = new ArrayList<>();
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        collect(root, new ArrayList<>(), tests);
        assertTrue(tests.size() > 20, "expected every subcommand, found " + tests.size());
        return tests;
    }

    private static void collect(CommandLine command, List<String> path, List<DynamicTest> tests) {
        for (String flag : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(path);
            args.add(flag);
            tests.add(DynamicTest.dynamicTest("earmark " + String.join(" ", args), () -> {
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(0, run.exitCode(), run.toString());
                assertTrue(run.out().startsWith("Usage: " + command.getCommandSpec().qualifiedName()), run.toString());
                assertEquals("", run.err(), run.toString());
            }));
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) { // aliases are the same command
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, tests);
            }
        });
    }

    /**
     * Every option and parameter says what it is for, and every description is a valid format string: picocli
     * formats them, and a bare "%" printed a warning over the help and showed "%n" as it is.
     */
    @org.junit.jupiter.api.Test
    void everyOptionAndParameterIsDescribed() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> problems = new ArrayList<>();
        describe(root, problems);
        assertEquals(List.of(), problems);
    }

    private static void describe(CommandLine command, List<String> problems) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        List<CommandLine.Model.ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (String line : spec.usageMessage().description()) {
            checkFormat(spec.qualifiedName(), line, problems);
        }
        for (CommandLine.Model.ArgSpec arg : args) {
            String name = spec.qualifiedName() + " " + (arg instanceof CommandLine.Model.OptionSpec o ? o.longestName()
                    : arg.paramLabel());
            if (String.join("", arg.description()).isBlank()) {
                problems.add(name + " has no description");
            }
            for (String line : arg.description()) {
                checkFormat(name, line, problems);
            }
        }
        command.getSubcommands().values().forEach(sub -> describe(sub, problems));
    }

    private static void checkFormat(String where, String line, List<String> problems) {
        try {
            String.format(line);
        } catch (java.util.IllegalFormatException e) {
            problems.add(where + ": '" + line + "' is not a valid format string (" + e + ")");
        }
    }

    /** A double-clicked audio file or a study folder given as the one argument: say what it is, not "Unmatched". */
    @org.junit.jupiter.api.Test
    void anExistingFileThatIsNotACommandIsNamedForWhatItIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path wav = java.nio.file.Files.writeString(dir.resolve("session 1.wav"), "RIFF");
        CliRun audio = CliRun.of(wav.toString());
        assertEquals(org.earmark.core.Failures.EXIT_BAD_INPUT, audio.exitCode(), audio.toString());
        assertTrue(audio.err().contains("session 1.wav is not a coder file (.earmark) or package")
                && audio.err().contains("New from audio files") && !audio.err().contains("Unmatched"), audio.toString());
        java.nio.file.Path study = java.nio.file.Files.createDirectories(dir.resolve("my study"));
        java.nio.file.Files.writeString(org.earmark.study.StudyFolder.studyFile(study), "");
        CliRun folder = CliRun.of(study.toString());
        assertTrue(folder.err().contains("is a study folder") && folder.err().contains("Open study folder"),
                folder.toString());
        assertTrue(folder.err().contains("earmark study status '" + study + "'"), folder.toString());
        CliRun unknown = CliRun.of("no-such-command");
        assertTrue(unknown.err().contains("Unmatched argument"), "a typo stays picocli's message: " + unknown);
    }

    @org.junit.jupiter.api.Test
    void theHintAfterAMistakeWorks() {
        CliRun wrong = CliRun.of("study", "export");
        assertEquals(org.earmark.core.Failures.EXIT_BAD_INPUT, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("Try 'earmark study export --help'"), wrong.toString());
        CliRun help = CliRun.of("study", "export", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("--xlsx"), help.toString());
    }
}
