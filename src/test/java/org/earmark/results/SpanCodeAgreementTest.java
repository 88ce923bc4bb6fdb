package org.earmark.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.earmark.agreement.timeline.SpanAgreement;
import org.earmark.agreement.timeline.TimedEvent;
import org.earmark.io.Table;
import org.earmark.io.TableCells;
import org.junit.jupiter.api.Test;

/** Span-code slice agreement is pooled over the slices of all recordings; unitizing alpha is a labelled mean. */
class SpanCodeAgreementTest {

    @Test
    void sliceAgreementAndKappaArePooledOverAllSlices() {
        AgreementReport.SpanCodeAgreement s = AgreementReport.compute(TwoRecordingSpans.data(), 2.0).spans()
                .get("CASE");
        assertEquals(2, s.recordings());
        assertEquals(109, s.slices());
        assertEquals(TwoRecordingSpans.POOLED_PERCENT, s.percentAgreement().getAsDouble(), 1e-12);
        assertEquals(TwoRecordingSpans.POOLED_KAPPA, s.cohenKappa().getAsDouble(), 1e-12);
        assertNotEquals(TwoRecordingSpans.MEAN_PERCENT, s.percentAgreement().getAsDouble(), 1e-3);
        assertNotEquals(TwoRecordingSpans.MEAN_KAPPA, s.cohenKappa().getAsDouble(), 1e-3);
        // unitizing alpha: the mean of the two recordings' own alphas (R-LONG's identical spans give 1)
        double shortAlpha = SpanAgreement.compute(Map.of("a", List.of(TimedEvent.span("CASE", 0, 30_000)),
                "b", List.of(TimedEvent.span("CASE", 16_000, 30_000))), 49_000, 1_000).unitizingAlpha()
                .get("CASE").getAsDouble();
        assertEquals(2, s.alphaRecordings());
        assertEquals((1 + shortAlpha) / 2, s.meanUnitizingAlpha().getAsDouble(), 1e-12);
    }

    @Test
    void pooledSliceTablesSumCellByCell() {
        SpanAgreement.SliceScores pooled = SpanAgreement.SliceScores.pooled("S", List.of(
                new SpanAgreement.SliceScores("S", "a", "b", 40, 0, 0, 20),
                new SpanAgreement.SliceScores("S", "a", "b", 19, 16, 0, 14)));
        assertEquals(List.of(59L, 16L, 0L, 34L), List.of(pooled.neither(), pooled.firstOnly(), pooled.secondOnly(),
                pooled.both()));
        assertEquals(TwoRecordingSpans.POOLED_KAPPA, pooled.kappa().getAsDouble(), 1e-12);
    }

    @Test
    void exportTableNamesWhatEachRowIs() {
        Table t = ResultTables.agreement(AgreementReport.compute(TwoRecordingSpans.data(), 2.0));
        List<List<Object>> spanRows = TableCells.of(t).stream().filter(r -> "span code".equals(r.get(0))).toList();
        assertEquals(3, spanRows.size());
        assertEquals(List.of("CASE", "pooled_slice_percent_agreement"), spanRows.get(0).subList(1, 3));
        assertEquals(TwoRecordingSpans.POOLED_PERCENT, (Double) spanRows.get(0).get(3), 1e-12);
        assertEquals("pooled_slice_cohen_kappa", spanRows.get(1).get(2));
        assertEquals(TwoRecordingSpans.POOLED_KAPPA, (Double) spanRows.get(1).get(3), 1e-12);
        assertEquals("mean_unitizing_alpha_over_recordings", spanRows.get(2).get(2));
        assertEquals(109L, ((Number) spanRows.get(0).get(6)).longValue());
        assertEquals(2L, ((Number) spanRows.get(2).get(6)).longValue());
    }
}
