package org.earmark.io.elan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.core.EarmarkException;
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
 * {@code earmark codes export --format eaf} and {@code codes import --eaf}: a coder file's events to
 * and from ELAN. See {@link EafWriter} for the layout and the point-event convention.
 */
public final class ElanInterchange {

    public static final String EXTENSION = ".eaf";
    /**
     * The longest annotation read as a point event on a point code's tier (the event is at its start).
     * Longer ones are refused: a stretch of time on a point code is more likely a mistake than a moment.
     */
    public static final long MAX_POINT_ANNOTATION_MS = 1000;

    private ElanInterchange() {
    }

    /** {@link #export(CoderFile, Path, Clock)} dated now. */
    public static List<Path> export(CoderFile coderFile, Path out) {
        return export(coderFile, out, Clock.systemUTC());
    }

    /**
     * Writes one EAF per recording into the folder {@code out} as {@code R-XXXX.eaf}, or, if the coder
     * file has exactly one recording and {@code out} ends in {@code .eaf}, that file. Every document is
     * made before any is written; each file is written atomically. Deleted events are left out.
     *
     * @return the files written, in the coder's recording order
     */
    public static List<Path> export(CoderFile coderFile, Path out, Clock clock) {
        Map<Recording, Path> targets = ExportTargets.plan(out, coderFile.recordings(), EXTENSION, coderFile.path());
        ExportTargets.check(targets, OutputFiles.Output.ELAN, coderFile.path());
        Path coderDir = coderFile.path().toAbsolutePath().getParent();
        Map<Path, byte[]> documents = new LinkedHashMap<>();
        targets.forEach((recording, target) -> {
            EafWriter.Media media = recording.audioFile() == null ? null
                    : EafWriter.Media.of(coderDir.resolve(recording.audioFile()), target);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                EafWriter.write(coderFile.codebook(), recording, coderFile.events(recording.id()), media,
                        coderFile.coder(), clock.instant(), writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            documents.put(target, bytes.toByteArray());
        });
        documents.forEach((target, bytes) -> AtomicFiles.write(target, stream -> stream.write(bytes)));
        return new ArrayList<>(documents.keySet());
    }

    /**
     * The events in an EAF file, for {@link CoderFile#add}ing them all in one step (the coder file is
     * not changed here). Tiers are matched to codes by name ({@code OFQ}, or {@code OFQ (2)} for
     * ELAN's overflow tiers); a point code takes annotations up to {@value #MAX_POINT_ANNOTATION_MS} ms
     * long, the event being at the start; a span code takes each annotation as a span; the annotation
     * value is the note.
     *
     * @throws EarmarkException (bad input) naming the file, the line and the problem — all problems at once
     */
    public static List<NewEvent> read(CoderFile coderFile, Path eaf, ImportOptions options) {
        return read(coderFile.codebook(), coderFile.recordings(), eaf, options);
    }

    /** {@link #read(CoderFile, Path, ImportOptions)} for a codebook and recordings from anywhere. */
    public static List<NewEvent> read(Codebook codebook, List<Recording> recordings, Path eaf,
            ImportOptions options) {
        EafFile file = EafReader.read(eaf);
        if (!file.timeUnits().equals("milliseconds")) {
            throw EarmarkException.badInput(eaf + ": HEADER has TIME_UNITS=\"" + file.timeUnits()
                    + "\"; Earmark reads files timed in milliseconds only");
        }
        Recording recording = RecordingMatcher.match(recordings, eaf, file.mediaUrls(), file.declaredRecording(),
                options);
        EventCollector events = new EventCollector(eaf, codebook, recording, options);
        for (EafFile.Tier tier : file.tiers()) {
            Optional<EventCode> found = events.codeOfTier(tier.id(), "line " + tier.line());
            if (found.isEmpty()) {
                continue;
            }
            EventCode code = found.get();
            for (EafFile.Annotation a : tier.annotations()) {
                String where = "line " + a.line() + ", annotation " + a.id() + " on tier " + tier.id();
                if (!a.timeAligned()) {
                    events.problem(where, "it is a reference annotation (on a dependent tier); Earmark reads"
                            + " time-aligned annotations only");
                } else if (a.startMs() == null || a.endMs() == null) {
                    events.problem(where, "it has no time (its time slot has no TIME_VALUE)");
                } else if (code.kind() == CodeKind.SPAN) {
                    events.span(code, a.startMs(), a.endMs(), a.value(), where);
                } else if (a.endMs() < a.startMs()) {
                    events.problem(where, "it ends (" + Seconds.display(a.endMs()) + ") before it starts ("
                            + Seconds.display(a.startMs()) + ")");
                } else if (a.endMs() - a.startMs() > MAX_POINT_ANNOTATION_MS) {
                    events.problem(where, "it lasts " + Seconds.display(a.endMs() - a.startMs()) + ", but "
                            + code.id() + " is a point code: its annotations mark a moment (their start) and may"
                            + " last at most " + Seconds.display(MAX_POINT_ANNOTATION_MS));
                } else {
                    events.point(code, a.startMs(), a.value(), where);
                }
            }
        }
        return events.events();
    }
}
