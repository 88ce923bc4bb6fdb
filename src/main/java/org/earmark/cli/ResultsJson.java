package org.earmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import org.earmark.agreement.coefficient.IccEstimate;
import org.earmark.agreement.coefficient.IccForm;
import org.earmark.agreement.timeline.CodeScores;
import org.earmark.agreement.timeline.ScoreAgreement;
import org.earmark.results.AgreementReport;
import org.earmark.results.FidelityTable;

/** JSON forms of the results, for scripts. Undefined statistics are {@code null}, never NaN. */
final class ResultsJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static String agreement(AgreementReport report) throws Exception {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tolerance_s", report.toleranceS());
        ArrayNode recordings = root.putArray("recordings_compared");
        report.recordings().forEach(recordings::add);
        ArrayNode awaiting = root.putArray("recordings_awaiting_coding");
        report.waiting().recordings().forEach(awaiting::add);
        ArrayNode notDone = root.putArray("recordings_not_marked_done");
        report.waiting().notDone().forEach(notDone::add);
        ArrayNode coders = root.putArray("coders");
        report.coders().forEach(coders::add);
        var o = report.overall();
        ObjectNode overall = root.putObject("overall");
        overall.put("pairs", o.pairs());
        overall.put("agreed", o.agreed());
        overall.put("unpaired", o.unpaired());
        put(overall, "percent_agreement", o.percentAgreement());
        put(overall, "cohen_kappa", o.cohenKappa());
        put(overall, "gwet_ac1", o.gwetAc1());
        put(overall, "krippendorff_alpha", o.krippendorffAlpha());
        ObjectNode perCode = root.putObject("per_code");
        report.perCode().forEach((code, a) -> {
            ObjectNode node = perCode.putObject(code);
            CodeScores s = a.scores();
            if (s != null) {
                node.put("both", s.truePositives());
                node.put("count_first", s.countA());
                node.put("count_second", s.countB());
                put(node, "precision", s.precision());
                put(node, "recall", s.recall());
                put(node, "f1", s.f1());
                node.put("missed_by_first", s.missedByA());
                node.put("missed_by_second", s.missedByB());
            }
            scores(node.putObject("counts"), a.counts());
        });
        ArrayNode perRecording = root.putArray("per_recording");
        for (AgreementReport.RecordingAgreement r : report.perRecording()) {
            ObjectNode node = perRecording.addObject();
            node.put("recording", r.recording());
            ArrayNode rc = node.putArray("coders");
            r.coders().forEach(rc::add);
            node.put("pairs", r.pairs());
            node.put("agreed", r.agreed());
            node.put("unpaired", r.unpaired());
            put(node, "percent_agreement", r.percentAgreement());
            put(node, "cohen_kappa", r.cohenKappa());
            put(node, "krippendorff_alpha", r.krippendorffAlpha());
        }
        ObjectNode metrics = root.putObject("metrics");
        report.metrics().forEach((m, s) -> scores(metrics.putObject(m), s));
        ObjectNode spans = root.putObject("span_codes");
        report.spans().forEach((code, s) -> {
            ObjectNode node = spans.putObject(code);
            node.put("recordings", s.recordings());
            node.put("slices", s.slices());
            put(node, "pooled_slice_percent_agreement", s.percentAgreement());
            put(node, "pooled_slice_cohen_kappa", s.cohenKappa());
            node.put("unitizing_alpha_recordings", s.alphaRecordings());
            put(node, "mean_unitizing_alpha", s.meanUnitizingAlpha());
        });
        return MAPPER.writeValueAsString(root);
    }

    static void scores(ObjectNode node, ScoreAgreement s) {
        if (s == null) {
            return;
        }
        node.put("n", s.table().completeUnitCount());
        ObjectNode icc = node.putObject("icc");
        s.icc().ifPresent(map -> {
            for (IccForm form : IccForm.values()) {
                IccEstimate e = map.get(form);
                if (e != null) {
                    ObjectNode f = icc.putObject(form.name());
                    put(f, "value", e.value());
                    put(f, "lbound", e.lowerBound());
                    put(f, "ubound", e.upperBound());
                }
            }
        });
        put(node, "krippendorff_alpha_interval", s.alpha());
    }

    static String fidelity(List<FidelityTable.Row> rows) throws Exception {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("rows");
        for (FidelityTable.Row r : rows) {
            ObjectNode node = array.addObject();
            node.put("recording", r.recording());
            node.put("source", r.source());
            ObjectNode metrics = node.putObject("metrics");
            r.metrics().forEach((k, v) -> {
                if (v == null) {
                    metrics.putNull(k);
                } else {
                    metrics.put(k, v);
                }
            });
        }
        return MAPPER.writeValueAsString(root);
    }

    static void put(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }
}
