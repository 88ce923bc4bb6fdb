package org.earmark.io.praat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.core.AtomicFiles;
import org.earmark.io.OutputFiles;
import org.earmark.io.interchange.EventCollector;
import org.earmark.io.interchange.ExportTargets;
import org.earmark.io.interchange.ImportOptions;
import org.earmark.io.interchange.RecordingMatcher;
import org.earmark.io.interchange.Seconds;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;
import org.earmark.storage.CoderFile;

/**
 * {@code earmark codes export --format textgrid} and {@code codes import --textgrid}: a coder file's
 * events to and from Praat. See {@link TextGridWriter} for the layout.
 */
public final class PraatInterchange {

    public static final String EXTENSION = ".TextGrid";

    private PraatInterchange() {
    }

    /**
     * Writes one TextGrid (UTF-8, long text format) per recording into the folder {@code out} as
     * {@code R-XXXX.TextGrid}, or, if the coder file has exactly one recording and {@code out} ends in
     * {@code .TextGrid} (any case), that file. Every TextGrid is made before any is written; each file
     * is written atomically. Deleted events are left out.
     *
     * @return the files written, in the coder's recording order
     */
    public static List<Path> export(CoderFile coderFile, Path out) {
        Map<Recording, Path> targets = ExportTargets.plan(out, coderFile.recordings(), EXTENSION, coderFile.path());
        ExportTargets.check(targets, OutputFiles.Output.TEXTGRID, coderFile.path());
        Map<Path, byte[]> documents = new LinkedHashMap<>();
        targets.forEach((recording, target) -> {
            TextGrid grid = TextGridWriter.build(coderFile.codebook(), recording, coderFile.events(recording.id()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                TextGridWriter.write(grid, writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            documents.put(target, bytes.toByteArray());
        });
        documents.forEach((target, bytes) -> AtomicFiles.write(target, stream -> stream.write(bytes)));
        return new ArrayList<>(documents.keySet());
    }

    /**
     * The events in a TextGrid, for adding them all in one step (the coder file is not changed here).
     * Tiers are matched to codes by name ({@code OFQ}, or {@code OFQ (2)} for overflow tiers); a point
     * code needs a point tier (each point an event, mark = note), a span code an interval tier (each
     * interval with a non-blank text an event; a text equal to the code id means no note).
     *
     * @throws org.earmark.core.EarmarkException (bad input) naming the file, the line and the problem —
     *         all problems at once
     */
    public static List<NewEvent> read(CoderFile coderFile, Path textGrid, ImportOptions options) {
        return read(coderFile.codebook(), coderFile.recordings(), textGrid, options);
    }

    /** {@link #read(CoderFile, Path, ImportOptions)} for a codebook and recordings from anywhere. */
    public static List<NewEvent> read(Codebook codebook, List<Recording> recordings, Path textGrid,
            ImportOptions options) {
        TextGrid grid = TextGridReader.read(textGrid);
        Recording recording = RecordingMatcher.match(recordings, textGrid, List.of(), null, options);
        EventCollector events = new EventCollector(textGrid, codebook, recording, options);
        for (TextGrid.Tier tier : grid.tiers()) {
            Optional<EventCode> found = events.codeOfTier(tier.name(), "line " + tier.line());
            if (found.isEmpty()) {
                continue;
            }
            EventCode code = found.get();
            String tierWhere = "line " + tier.line() + ", tier " + tier.name();
            if (code.kind() == CodeKind.POINT) {
                if (tier instanceof TextGrid.TextTier points) {
                    for (TextGrid.Point p : points.points()) {
                        events.point(code, Seconds.toMillis(p.time()), p.mark(),
                                "line " + p.line() + ", point on tier " + tier.name());
                    }
                } else {
                    events.problem(tierWhere, "it is an interval tier, but " + code.id() + " is a point code;"
                            + " put its events on a point tier (TextTier)");
                }
            } else if (tier instanceof TextGrid.IntervalTier intervals) {
                for (TextGrid.Interval i : intervals.intervals()) {
                    if (!i.text().isBlank()) {
                        events.span(code, Seconds.toMillis(i.xmin()), Seconds.toMillis(i.xmax()),
                                i.text().equals(code.id()) ? "" : i.text(),
                                "line " + i.line() + ", interval on tier " + tier.name());
                    }
                }
            } else {
                events.problem(tierWhere, "it is a point tier, but " + code.id() + " is a span code;"
                        + " put its events on an interval tier (IntervalTier)");
            }
        }
        return events.events();
    }
}
