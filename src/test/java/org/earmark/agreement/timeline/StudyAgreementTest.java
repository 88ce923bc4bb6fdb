package org.earmark.agreement.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earmark.agreement.RatingsTable;
import org.earmark.bench.AgreementBenchmark;
import org.earmark.agreement.coefficient.Icc;
import org.earmark.agreement.coefficient.IccForm;
import org.junit.jupiter.api.Test;

class StudyAgreementTest {

    @Test
    void countsGiveIccAndIntervalAlpha() {
        Map<String, Map<String, Double>> values = new HashMap<>();
        double[][] sf = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
        for (int r = 0; r < sf.length; r++) {
            Map<String, Double> row = new HashMap<>();
            for (int c = 0; c < 4; c++) {
                row.put("coder" + c, sf[r][c]);
            }
            values.put("R" + r, row);
        }
        ScoreAgreement s = ScoreAgreement.of(values);
        // Shrout & Fleiss (1979) data again: ICC(3,1) = .71; interval alpha as computed by R (irrCAC)
        assertEquals(0.714840714840715, s.icc().orElseThrow().get(IccForm.ICC3).value().getAsDouble(), 1e-12);
        assertEquals(0.147307850390465, s.alpha().getAsDouble(), 1e-12);
    }

    @Test
    void countsOfACode() {
        Map<String, Map<String, List<TimedEvent>>> events = Map.of(
                "R1", Map.of("a", List.of(TimedEvent.point("X", 0), TimedEvent.point("X", 9)),
                        "b", List.of(TimedEvent.point("X", 0))),
                "R2", Map.of("a", List.of(), "b", List.of(TimedEvent.point("Y", 0))),
                "R3", Map.of("a", List.of(TimedEvent.point("X", 0))));
        RatingsTable t = ScoreAgreement.ofCounts(events, "X").table();
        assertEquals(List.of("R1", "R2", "R3"), t.unitIds());
        assertEquals(2.0, t.value(0, 0));
        assertEquals(1.0, t.value(0, 1));
        assertEquals(0.0, t.value(1, 0)); // coded, no X: a count of 0
        assertEquals(0.0, t.value(1, 1));
        assertTrue(Double.isNaN(t.value(2, 1))); // b did not code R3: missing
        assertFalse(Icc.compute(t).isEmpty());
    }

    @Test
    void studyReportPoolsRecordingsAndIgnoresOrder() {
        List<StudyAgreement.RecordingEvents> study = AgreementBenchmark.syntheticStudy(12, 3, 60, new Random(3));
        StudyAgreement.Report report = StudyAgreement.compute(study, 2_000);
        assertEquals(12, report.perRecording().size());
        assertEquals(3, report.pooledPairs().size());
        PairwiseAgreement pooled = report.pooledPairs().get(0);
        List<ConfusionTable> tables = new ArrayList<>();
        report.perRecording().values().forEach(m -> tables.add(m.pairs().get(0).table()));
        assertEquals(ConfusionTable.sum(tables), pooled.table());
        List<String[]> units = new ArrayList<>();
        report.perRecording().values().forEach(m -> units.addAll(m.units()));
        assertEquals(MultiCoderAgreement.alpha(units), report.alpha());
        assertTrue(report.alpha().getAsDouble() > 0.5 && report.alpha().getAsDouble() < 0.95, "realistic alpha");

        List<StudyAgreement.RecordingEvents> shuffled = new ArrayList<>();
        for (StudyAgreement.RecordingEvents r : study) {
            Map<String, List<TimedEvent>> byCoder = new HashMap<>();
            r.eventsByCoder().forEach((c, list) -> {
                List<TimedEvent> copy = new ArrayList<>(list);
                Collections.shuffle(copy, new Random(1));
                byCoder.put(c, copy);
            });
            shuffled.add(new StudyAgreement.RecordingEvents(r.recordingId(), byCoder));
        }
        Collections.reverse(shuffled);
        StudyAgreement.Report again = StudyAgreement.compute(shuffled, 2_000);
        assertEquals(report.alpha(), again.alpha());
        assertEquals(report.pooledPairs(), again.pooledPairs());
        assertEquals(report.countAgreement().get("OFQ").icc(), again.countAgreement().get("OFQ").icc());
    }
}
