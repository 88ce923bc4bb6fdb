package org.earmark.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.io.Table;
import org.earmark.io.TableCells;
import org.earmark.model.Event;
import org.junit.jupiter.api.Test;

class ResultTablesTest {

    private static final Codebook CODEBOOK = CodebookLoader.load(Path.of("codebook/outcomes-focused-supervision.json"));

    @Test
    void eventsAreWrittenStraightFromTheStudyDataEachTimeTheyAreAskedFor() {
        UUID a = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID b = UUID.fromString("00000000-0000-4000-8000-000000000002");
        UUID c = UUID.fromString("00000000-0000-4000-8000-000000000003");
        Instant made = Instant.parse("2026-11-23T10:00:00Z");
        Instant edited = Instant.parse("2026-11-23T10:05:00.250Z");
        Map<String, Map<String, List<Event>>> events = new TreeMap<>();
        events.put("R-AAAA", new TreeMap<>(Map.of(
                "a", List.of(new Event(a, "R-AAAA", "OFQ", 12_345, null, "", made, made, false),
                        new Event(b, "R-AAAA", "CASE", 0, 300_000L, "whole case, \"quoted\"", made, edited, false)),
                "b", List.of(new Event(c, "R-AAAA", "TASK", 7, null, "", edited, edited, false)))));
        StudyData data = new StudyData("S", "Study", CODEBOOK, Map.of(), List.of(), events, Map.of(), Map.of(), Map.of());

        Table table = ResultTables.events(data);
        assertEquals(List.of("recording", "coder", "event_id", "code", "start_s", "end_s", "note", "created_at",
                "updated_at"), table.columns());
        assertEquals(3, table.rowCount());
        List<List<Object>> expected = List.of(
                Arrays.asList("R-AAAA", "a", a.toString(), "OFQ", 12.345, null, "", "2026-11-23T10:00:00Z",
                        "2026-11-23T10:00:00Z"),
                Arrays.asList("R-AAAA", "a", b.toString(), "CASE", 0.0, 300.0, "whole case, \"quoted\"",
                        "2026-11-23T10:00:00Z", "2026-11-23T10:05:00.250Z"),
                Arrays.asList("R-AAAA", "b", c.toString(), "TASK", 0.007, null, "", "2026-11-23T10:05:00.250Z",
                        "2026-11-23T10:05:00.250Z"));
        assertEquals(expected, TableCells.of(table));
        assertEquals(expected, TableCells.of(table), "a second format gets the same rows");
    }
}
