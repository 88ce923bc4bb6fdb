package org.earmark.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.earmark.audio.Peaks;
import org.earmark.core.EarmarkException;
import org.earmark.core.Hashes;
import org.earmark.core.Progress;
import org.earmark.core.AtomicFiles;
import org.earmark.io.OutputFiles;
import org.earmark.model.Assignment;
import org.earmark.model.Event;
import org.earmark.model.Recording;
import org.earmark.model.RecordingStatus;
import org.earmark.model.StudyRecording;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderFileSetup;
import org.earmark.storage.StudyFile;

/**
 * Writes one coder's package: a zip holding that coder's new coder file (codebook, their
 * recordings in their own order, waveform peaks) and the anonymised audio. Only the study's
 * recordings table and assignments are read — never the allocation key — so no byte of it can
 * reach a package.
 */
public final class Packager {

    /** What was written. */
    /**
     * @param carriedOver how many of the coder's events already merged into the study the new coder file starts with
     *                    (a re-issued package), deleted ones included
     */
    public record Result(Path packageFile, String coder, String coderFileId, int recordings, int carriedOver) {
    }

    /** Every entry gets this time, so entry times do not tell the order in which files were made. */
    private static final long FIXED_ENTRY_TIME = 946_684_800_000L; // 2000-01-01T00:00:00Z

    private Packager() {
    }

    /**
     * @param peaks computes a recording's waveform from its audio, or gives null when it cannot
     *              (the coder's app then computes it)
     */
    public static Result write(StudyFile study, Path studyDir, String coder, Path out,
            Function<Path, Peaks> peaks, Clock clock, Progress progress) {
        if (!study.coders().contains(coder)) {
            throw EarmarkException.badInput("\"" + coder + "\" is not a coder of this study (coders: " + study.coders()
                    + "); run 'earmark study assign' first.");
        }
        List<Path> inputs = new ArrayList<>(List.of(study.path()));
        study.recordings().forEach(r -> inputs.add(studyDir.resolve(r.audioFile())));
        OutputFiles.checkFile(out, OutputFiles.Output.PACKAGE, inputs);
        Map<String, StudyRecording> byId = study.recordings().stream()
                .collect(Collectors.toMap(StudyRecording::id, r -> r));
        List<Assignment> mine = study.assignments().stream().filter(a -> a.coder().equals(coder))
                .sorted(Comparator.comparingInt(Assignment::position)).toList();
        if (mine.isEmpty()) {
            throw EarmarkException.badInput("Coder " + coder + " has no recordings assigned.");
        }
        List<Recording> recordings = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            StudyRecording r = byId.get(mine.get(i).recordingId());
            recordings.add(new Recording(r.id(), i, r.sha256(), r.durationMs(), r.audioFile()));
            if (!Files.isRegularFile(studyDir.resolve(r.audioFile()))) {
                throw EarmarkException.badInput("The study's recording " + r.id() + " is missing: there is no "
                        + studyDir.resolve(r.audioFile()) + " (moved or deleted?). Put it back; no package was written.");
            }
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("earmark-package-");
            Path coderPath = work.resolve(coder + ".earmark");
            String fileId;
            int carriedOver;
            try (CoderFile coderFile = CoderFile.create(coderPath, new CoderFileSetup(study.id(), study.name(), coder,
                    study.codebook(), recordings), clock)) {
                fileId = coderFile.meta().get("file_id");
                carriedOver = carryOver(study, coder, recordings, coderFile);
                int n = 0;
                for (Recording r : recordings) {
                    progress.checkCancelled();
                    progress.update(0.8 * n++ / recordings.size(), "Waveform of " + r.id());
                    Peaks p = peaks.apply(studyDir.resolve(r.audioFile()));
                    if (p != null) {
                        coderFile.storePeaks(r.id(), r.sha256(), p);
                    }
                }
            }
            progress.update(0.8, "Writing " + out.getFileName());
            AtomicFiles.write(out, stream -> {
                try (ZipOutputStream zip = new ZipOutputStream(stream)) {
                    zip.setLevel(Deflater.BEST_SPEED);
                    add(zip, coderPath.getFileName().toString(), coderPath);
                    for (Recording r : recordings) {
                        progress.checkCancelled();
                        addRecording(zip, r, studyDir.resolve(r.audioFile()));
                    }
                }
            });
            study.recordPackage(coder, fileId);
            progress.update(1, "Package for " + coder + " written");
            return new Result(out, coder, fileId, recordings.size(), carriedOver);
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not write the package for " + coder + ": "
                    + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * A package made again for a coder (a lost laptop, a broken file) starts from what the study already holds of
     * theirs on these recordings, with the same event ids: otherwise their merged work was not in the new file, and
     * merging both files counted every event twice.
     */
    private static int carryOver(StudyFile study, String coder, List<Recording> recordings, CoderFile file) {
        Set<String> ids = recordings.stream().map(Recording::id).collect(Collectors.toSet());
        List<Event> events = study.mergedEvents(coder).stream().filter(e -> ids.contains(e.recordingId())).toList();
        Map<String, Map<String, Integer>> ratings = new TreeMap<>();
        study.ratings().forEach((recording, byCoder) -> {
            if (ids.contains(recording) && byCoder.containsKey(coder)) {
                ratings.put(recording, byCoder.get(coder));
            }
        });
        Map<String, RecordingStatus> statuses = new TreeMap<>();
        study.statuses().forEach((recording, byCoder) -> {
            if (ids.contains(recording) && byCoder.containsKey(coder)) {
                statuses.put(recording, RecordingStatus.fromStored(byCoder.get(coder)));
            }
        });
        if (!events.isEmpty() || !ratings.isEmpty() || !statuses.isEmpty()) {
            file.carryOver(events, ratings, statuses);
        }
        return events.size();
    }

    /** Copies a file into the package; returns its SHA-256, taken on the way. */
    private static String add(ZipOutputStream zip, String name, Path file) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_ENTRY_TIME);
        zip.putNextEntry(entry);
        MessageDigest sha256 = Hashes.sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * A recording must still be the audio the study recorded: a damaged or replaced file would otherwise be coded,
     * while the coder's file still carried the study's checksum.
     */
    private static void addRecording(ZipOutputStream zip, Recording r, Path file) throws IOException {
        String actual = add(zip, r.audioFile(), file);
        if (!actual.equalsIgnoreCase(r.sha256())) {
            throw EarmarkException.badInput(file + " is not the recording " + r.id() + " the study was set up with"
                    + " (its SHA-256 is " + actual + ", the study recorded " + r.sha256() + "): damaged or replaced."
                    + " Restore it from your copy of the study; no package was written.");
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Only our temporary copy is left behind.
        }
    }
}
