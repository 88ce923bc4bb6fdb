package org.earmark.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.earmark.codebook.CodebookLoader;
import org.earmark.model.Assignment;
import org.earmark.model.Event;
import org.earmark.model.StudyRecording;

/**
 * Coders a and b code the span code CASE on two recordings of different lengths, so that the mean over
 * recordings and the pooled value differ. Worked by hand (1-s slices, a code active when its span covers the
 * slice's midpoint):
 * <ul>
 * <li>R-LONG, 60 s: both code CASE over [0, 20 s): 20 slices both, 40 neither; agreement 1, kappa 1.</li>
 * <li>R-SHORT, 49 s: a codes [0, 30 s), b [16 s, 30 s): 16 slices a only, 14 both, 19 neither; agreement
 * 33/49; p_e = (30·14 + 19·35)/49² = 1085/2401, kappa = (1617 - 1085)/(2401 - 1085) = 532/1316.</li>
 * <li>Pooled, 109 slices: 34 both, 16 a only, 0 b only, 59 neither; agreement 93/109; a active 50, b 34,
 * p_e = (50·34 + 59·75)/109² = 6125/11881, kappa = (93·109 - 6125)/(11881 - 6125) = 4012/5756.</li>
 * </ul>
 * The means over recordings would be (1 + 33/49)/2 = 0.837 and (1 + 532/1316)/2 = 0.702.
 */
public final class TwoRecordingSpans {

    public static final double POOLED_PERCENT = 93.0 / 109;
    public static final double POOLED_KAPPA = 4012.0 / 5756;
    public static final double MEAN_PERCENT = (1 + 33.0 / 49) / 2;
    public static final double MEAN_KAPPA = (1 + 532.0 / 1316) / 2;

    private TwoRecordingSpans() {
    }

    public static StudyData data() {
        Map<String, StudyRecording> recordings = new TreeMap<>();
        recordings.put("R-LONG", new StudyRecording("R-LONG", "audio/R-LONG.wav", "wav", "sha-long", 60_000));
        recordings.put("R-SHORT", new StudyRecording("R-SHORT", "audio/R-SHORT.wav", "wav", "sha-short", 49_000));
        Map<String, Map<String, List<Event>>> events = new TreeMap<>();
        events.put("R-LONG", Map.of("a", List.of(span("R-LONG", 0, 20_000)), "b", List.of(span("R-LONG", 0, 20_000))));
        events.put("R-SHORT", Map.of("a", List.of(span("R-SHORT", 0, 30_000)),
                "b", List.of(span("R-SHORT", 16_000, 30_000))));
        List<Assignment> assignments = List.of(new Assignment("R-LONG", "a", 0, "primary"),
                new Assignment("R-LONG", "b", 0, "second"), new Assignment("R-SHORT", "a", 1, "primary"),
                new Assignment("R-SHORT", "b", 1, "second"));
        return new StudyData("S", "Spans", CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json")),
                recordings, assignments, events, Map.of(), Map.of("R-LONG", List.of("a", "b"),
                        "R-SHORT", List.of("a", "b")), Map.of());
    }

    private static Event span(String recording, long startMs, long endMs) {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        return new Event(UUID.randomUUID(), recording, "CASE", startMs, endMs, "", at, at, false);
    }
}
