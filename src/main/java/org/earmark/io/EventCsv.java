package org.earmark.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.earmark.core.AtomicFiles;
import org.earmark.core.EarmarkException;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;

/**
 * Events as CSV: {@code recording,code,start_s,end_s,note}, times in seconds with a decimal point
 * (end empty for point events). Used by {@code codes add}, {@code codes import} and {@code codes export}.
 */
public final class EventCsv {

    public static final List<String> HEADER = List.of("recording", "code", "start_s", "end_s", "note");
    private static final CSVFormat ONE_LINE = CSVFormat.RFC4180;

    private EventCsv() {
    }

    /** A line of {@code codes add}: {@code recording,code,start_s[,end_s[,note]]}. Throws with the reason if bad. */
    public static NewEvent parseLine(String line) {
        List<String> values;
        try (CSVParser parser = ONE_LINE.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("expected one CSV line");
            }
            values = records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv wraps its reason in an UncheckedIOException whose message starts with a class name.
            Throwable reason = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String why = reason.getMessage() == null ? "unreadable" : reason.getMessage();
            if (why.contains("EOF reached before encapsulated token finished")) {
                throw EarmarkException.badInput("not valid CSV: a quoted value is not closed on this line (each event"
                        + " is one line, so a note cannot hold a line break)");
            }
            throw EarmarkException.badInput("not valid CSV (" + why + ")");
        } catch (IllegalArgumentException e) {
            throw EarmarkException.badInput(e.getMessage());
        }
        return fromValues(values);
    }

    static NewEvent fromValues(List<String> values) {
        if (values.size() < 3 || values.size() > 5) {
            throw EarmarkException.badInput("expected recording,code,start_s[,end_s[,note]] but got " + values.size()
                    + " values");
        }
        String recording = values.get(0).strip();
        String code = values.get(1).strip();
        if (recording.isEmpty() || code.isEmpty()) {
            throw EarmarkException.badInput("the recording and the code must not be empty");
        }
        long start = millis(values.get(2), "start_s");
        String endText = values.size() > 3 ? values.get(3).strip() : "";
        Long end = endText.isEmpty() ? null : millis(endText, "end_s");
        if (end != null && end < start) {
            throw EarmarkException.badInput("end_s (" + endText + ") is before start_s (" + values.get(2).strip() + ")");
        }
        String note = values.size() > 4 ? values.get(4) : "";
        return new NewEvent(recording, code, start, end, note);
    }

    /** Seconds as written ("12.5") to whole milliseconds, exactly (no binary floating point). */
    static long millis(String seconds, String column) {
        try {
            BigDecimal s = new BigDecimal(seconds.strip());
            if (s.signum() < 0) {
                throw EarmarkException.badInput(column + " must not be negative, was " + seconds.strip());
            }
            return s.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw EarmarkException.badInput(column + " must be a number of seconds like 12.5, was \"" + seconds + "\"");
        }
    }

    /** Every row of an events CSV, or every problem with its line (nothing is imported from a file with problems). */
    public static List<NewEvent> read(Path csv) {
        List<NewEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Reader reader = CsvFiles.open(csv); CSVParser parser = CsvFiles.parseWithHeader(csv, reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.size() < 3 || !header.subList(0, 3).equals(HEADER.subList(0, 3))) {
                throw EarmarkException.badInput(csv + " line 1: the header must be " + String.join(",", HEADER)
                        + ", was " + String.join(",", header));
            }
            var rows = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    record = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw CsvFiles.broken(csv, line, e);
                }
                try {
                    events.add(fromValues(record.toList()));
                } catch (EarmarkException e) {
                    problems.add(csv + " line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read " + csv + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw EarmarkException.badInput(csv + ": " + problems.size() + " line" + (problems.size() == 1 ? "" : "s")
                    + " could not be read; nothing was imported:\n  " + String.join("\n  ", problems));
        }
        if (events.isEmpty()) {
            throw EarmarkException.badInput(csv + " has no events after its header; nothing was imported.");
        }
        return events;
    }

    /** Writes the events to {@code out} and flushes it; {@code out} stays open (it is the caller's to close). */
    public static void write(List<Event> events, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CsvFiles.FOR_WRITING);
        printer.printRecord(HEADER);
        for (Event e : events) {
            printer.printRecord(e.recordingId(), e.code(), seconds(e.startMs()),
                    e.endMs() == null ? "" : seconds(e.endMs()), e.note());
        }
        printer.flush();
    }

    /**
     * Writes the events to the file {@code out} atomically ({@code codes export --format csv}), after
     * refusing a target that holds a study or coder file, a package, a recording or {@code source}.
     */
    public static void writeFile(List<Event> events, Path out, Path source) {
        OutputFiles.checkFile(out, OutputFiles.Output.CSV, List.of(source));
        AtomicFiles.write(out, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(events, writer);
            writer.flush();
        });
    }

    /** Milliseconds as seconds with three decimals and a point, whatever the locale. */
    public static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).toPlainString();
    }
}
