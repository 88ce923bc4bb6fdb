package org.earmark.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.earmark.bench.Benchmarks;
import org.earmark.bench.Figure;
import org.earmark.core.AppVersion;
import org.earmark.core.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code earmark bench}: measures the quality bars on this machine and prints the figures. */
@Command(name = "bench", description = "Measure tag latency, merge and agreement, export and memory against"
        + " Earmark's targets on this machine. Exits 1 if a target is missed.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--quick", description = "Small sizes, for a smoke test (figures are not comparable).")
    boolean quick;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the temporary files (default: the"
            + " system's temporary folder); the tag figures measure this disk.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path where = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")).resolve("earmark-bench");
        List<Figure> figures = Benchmarks.run(where, quick ? Benchmarks.Sizes.QUICK : Benchmarks.Sizes.FULL,
                line -> err.println("bench: " + line));
        if (json) {
            ObjectNode root = ResultsJson.MAPPER.createObjectNode();
            ObjectNode machine = root.putObject("machine");
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            machine.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
            machine.put("earmark", AppVersion.current());
            machine.put("disk", where.toAbsolutePath().toString());
            machine.put("quick", quick);
            machine.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            ArrayNode array = root.putArray("figures");
            for (Figure f : figures) {
                ObjectNode node = array.addObject();
                node.put("name", f.name());
                node.put("value", f.value());
                node.put("unit", f.unit());
                if (f.target() == null) {
                    node.putNull("target");
                    node.putNull("met");
                } else {
                    node.put("target", f.target());
                    node.put("met", f.met());
                }
                node.put("note", f.note());
            }
            out.println(ResultsJson.MAPPER.writeValueAsString(root));
        } else {
            out.printf("%-24s %10s %-4s %10s %-5s %s%n", "figure", "value", "", "target", "met", "note");
            for (Figure f : figures) {
                out.printf(Locale.ROOT, "%-24s %10.3f %-4s %10s %-5s %s%n", f.name(), f.value(), f.unit(),
                        f.target() == null ? "" : String.format(Locale.ROOT, "%.3f", f.target()),
                        f.met() == null ? "" : f.met() ? "yes" : "NO", f.note());
            }
        }
        boolean allMet = figures.stream().allMatch(f -> f.met() == null || f.met());
        return allMet ? Failures.EXIT_OK : Failures.EXIT_PROBLEMS_FOUND;
    }
}
