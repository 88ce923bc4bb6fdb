package org.earmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.earmark.results.AgreementReport;
import org.earmark.results.TwoRecordingSpans;
import org.junit.jupiter.api.Test;

/** The agreement text and JSON say that span slice statistics are pooled and unitizing alpha is a mean. */
class SpanAgreementOutputTest {

    private final AgreementReport report = AgreementReport.compute(TwoRecordingSpans.data(), 2.0);

    @Test
    void textPrintsPooledSliceStatisticsAndLabelsAlphaAsAMean() {
        StringWriter text = new StringWriter();
        AgreementText.print(report, new PrintWriter(text, true));
        String out = text.toString();
        assertTrue(out.contains("pooled over all compared 1-s slices of all recordings"), out);
        assertTrue(out.contains("mean unitizing alpha"), out);
        String line = out.lines().filter(l -> l.startsWith("CASE ")).findFirst().orElseThrow();
        // 93/109 = 0.853 and 4012/5756 = 0.697, not the means over recordings 0.837 and 0.702
        assertTrue(line.matches("CASE\\s+2\\s+109\\s+0\\.853\\s+0\\.697\\s+\\S+ \\(2 rec\\.\\)"), line);
    }

    @Test
    void jsonNamesPooledAndMeanStatistics() throws Exception {
        JsonNode node = ResultsJson.MAPPER.readTree(ResultsJson.agreement(report)).get("span_codes").get("CASE");
        assertEquals(2, node.get("recordings").asInt());
        assertEquals(109, node.get("slices").asInt());
        assertEquals(TwoRecordingSpans.POOLED_PERCENT, node.get("pooled_slice_percent_agreement").asDouble(), 1e-12);
        assertEquals(TwoRecordingSpans.POOLED_KAPPA, node.get("pooled_slice_cohen_kappa").asDouble(), 1e-12);
        assertEquals(2, node.get("unitizing_alpha_recordings").asInt());
        assertTrue(node.has("mean_unitizing_alpha"));
        assertFalse(node.has("unitizing_alpha"));
    }
}
