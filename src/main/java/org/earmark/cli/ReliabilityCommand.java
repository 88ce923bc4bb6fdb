package org.earmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.agreement.Reliability;
import org.earmark.agreement.ReliabilityReport;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.io.ratings.LongRatingsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code earmark reliability}: the standard agreement coefficients of a long-format ratings file. */
@Command(name = "reliability",
        mixinStandardHelpOptions = true,
        description = {"Inter-rater reliability of a ratings table given as CSV with header unit,coder,value.",
            "An empty value is a missing rating. Coefficients that do not apply or are undefined are shown as n/a "
                    + "(null in JSON)."})
public final class ReliabilityCommand implements Callable<Integer> {

    private static final String GUIDE = "Guide: kappa, alpha, AC1 and ICC are 1 for perfect agreement and about 0 "
            + "for chance agreement; Krippendorff (2004) asks alpha >= 0.800 for firm and >= 0.667 for tentative "
            + "conclusions.";

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Ratings CSV (UTF-8).")
    Path input;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "nominal, ordinal, interval or ratio (ordinal and above need numbers).")
    String level;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Level parsed = Level.parse(level);
        RatingsTable table = LongRatingsCsv.read(input, parsed);
        ReliabilityReport report = Reliability.report(table, parsed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(report)));
        } else {
            printTable(out, report);
        }
        out.flush();
        return 0;
    }

    /** The JSON object of a report: fixed keys, null where a coefficient is empty. */
    static ObjectNode toJson(ReliabilityReport r) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("units", r.units());
        node.put("coders", r.coders());
        node.put("level", r.level().cliName());
        put(node, "percent_agreement", r.percentAgreement());
        put(node, "cohen_kappa", r.cohenKappa());
        put(node, "cohen_kappa_linear", r.cohenKappaLinear());
        put(node, "cohen_kappa_quadratic", r.cohenKappaQuadratic());
        put(node, "fleiss_kappa", r.fleissKappa());
        put(node, "krippendorff_alpha", r.krippendorffAlpha());
        put(node, "gwet_ac1", r.gwetAc1());
        if (r.icc().isEmpty()) {
            node.putNull("icc");
        } else {
            ObjectNode icc = node.putObject("icc");
            for (IccForm form : IccForm.values()) {
                IccEstimate e = r.icc().get().get(form);
                ObjectNode one = icc.putObject(form.name());
                put(one, "value", e.value());
                put(one, "lbound", e.lowerBound());
                put(one, "ubound", e.upperBound());
            }
        }
        return node;
    }

    private static void put(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    private void printTable(PrintWriter out, ReliabilityReport r) {
        out.printf("Reliability of %s: %d units, %d coders, %s level%n%n", input, r.units(), r.coders(),
                r.level().cliName());
        row(out, "Percent agreement (complete units)", r.percentAgreement());
        row(out, "Cohen's kappa", r.cohenKappa());
        row(out, "Cohen's kappa, linear weights", r.cohenKappaLinear());
        row(out, "Cohen's kappa, quadratic weights", r.cohenKappaQuadratic());
        row(out, "Fleiss' kappa", r.fleissKappa());
        row(out, "Krippendorff's alpha (" + r.level().cliName() + ")", r.krippendorffAlpha());
        row(out, "Gwet's AC1", r.gwetAc1());
        if (r.icc().isPresent()) {
            out.printf("%nICC (Shrout & Fleiss)   value   95%% CI%n");
            for (Map.Entry<IccForm, IccEstimate> e : new java.util.TreeMap<>(r.icc().get()).entrySet()) {
                IccEstimate est = e.getValue();
                out.printf("  %-20s %7s   [%s, %s]%n", e.getKey().name(), fmt(est.value()), fmt(est.lowerBound()),
                        fmt(est.upperBound()));
            }
        } else if (r.level() == Level.INTERVAL || r.level() == Level.RATIO) {
            out.printf("%nICC: n/a%n");
        }
        out.printf("%nn/a: does not apply to these data or is undefined (for example one category, or fewer than "
                + "two complete units).%n");
        out.println(GUIDE);
    }

    private static void row(PrintWriter out, String name, OptionalDouble value) {
        out.printf("%-40s %s%n", name, fmt(value));
    }

    private static String fmt(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "n/a";
    }
}
