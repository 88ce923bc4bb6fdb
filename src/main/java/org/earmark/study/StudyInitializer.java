package org.earmark.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earmark.audio.AudioInfo;
import org.earmark.audio.AudioProbe;
import org.earmark.audio.MetadataStripper;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.core.EarmarkException;
import org.earmark.core.Hashes;
import org.earmark.core.Progress;
import org.earmark.io.AllocationCsv;
import org.earmark.model.StudyRecording;
import org.earmark.storage.StudyFile;
import org.earmark.storage.StudySetup;

/**
 * Sets up a blinded study: checks every input first, then copies each recording under a random
 * id with its container metadata removed, and keeps the allocation key only in the study file.
 * The original audio files are only ever read.
 */
public final class StudyInitializer {

    /** The inputs of {@code earmark study init}. */
    public record Request(Path dir, String name, Path codebook, Path allocation, List<Path> audio) {
    }

    private StudyInitializer() {
    }

    public static StudyFile init(Request request, Clock clock, Progress progress) {
        Codebook codebook = CodebookLoader.load(request.codebook());
        AllocationCsv allocation = AllocationCsv.read(request.allocation());
        List<Checked> checked = check(request, allocation, progress);
        Path dir = request.dir();
        Path studyFile = StudyFolder.studyFile(dir);
        if (Files.exists(studyFile)) {
            throw EarmarkException.badInput(dir + " already holds a study (" + StudyFile.FILE_NAME + "); choose a new"
                    + " folder.");
        }
        List<Path> created = new ArrayList<>();
        boolean dirExisted = Files.exists(dir);
        try {
            Path audioDir = dir.resolve("audio");
            Files.createDirectories(audioDir);
            List<String> ids = RecordingIds.generate(checked.size(), new SecureRandom());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                order.add(i);
            }
            // Copy in a random order so that file times in the folder do not give the original order away.
            Collections.shuffle(order, new SecureRandom());
            List<StudySetup.Entry> entries = new ArrayList<>();
            int done = 0;
            for (int i : order) {
                progress.checkCancelled();
                Checked c = checked.get(i);
                String id = ids.get(i);
                String extension = c.info().format().name().toLowerCase(java.util.Locale.ROOT);
                Path copy = audioDir.resolve(id + "." + extension);
                created.add(copy);
                MetadataStripper.strip(c.file(), copy);
                AudioInfo copied = AudioProbe.probe(copy);
                StudyRecording recording = new StudyRecording(id, "audio/" + copy.getFileName(), extension,
                        Hashes.sha256(copy), copied.durationMs());
                entries.add(new StudySetup.Entry(recording, c.file().getFileName().toString(), c.sha256(),
                        c.row().values()));
                progress.update(++done / (double) checked.size(), "Anonymised " + done + " of " + checked.size());
            }
            created.add(studyFile);
            return StudyFile.create(studyFile, new StudySetup(request.name(), codebook, allocation.columns(), entries),
                    clock);
        } catch (IOException e) {
            cleanUp(created, dir, dirExisted);
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not write to " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cleanUp(created, dir, dirExisted);
            throw e;
        }
    }

    private record Checked(Path file, AudioInfo info, String sha256, AllocationCsv.Row row) {
    }

    /** Everything that can be wrong with the inputs, found before anything is written. */
    private static List<Checked> check(Request request, AllocationCsv allocation, Progress progress) {
        if (request.audio().isEmpty()) {
            throw EarmarkException.badInput("Give at least one audio file to put in the study.");
        }
        Map<String, AllocationCsv.Row> rows = new LinkedHashMap<>();
        allocation.rows().forEach(r -> rows.put(AllocationCsv.fileName(r.file()), r));
        Map<String, Path> byHash = new HashMap<>();
        Map<String, Path> byName = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        int n = 0;
        for (Path file : request.audio()) {
            progress.checkCancelled();
            if (Files.isDirectory(file)) {
                throw EarmarkException.badInput(file + " is a folder; give the audio files in it (for example "
                        + file + "/*.mp3).");
            }
            if (!Files.exists(file)) {
                throw EarmarkException.badInput(file + ": no such file.");
            }
            String name = AllocationCsv.fileName(file.getFileName().toString());
            Path sameName = byName.put(name, file);
            if (sameName != null) {
                throw EarmarkException.badInput(file + " and " + sameName + " have the same file name, so "
                        + request.allocation() + " cannot tell them apart. Rename one.");
            }
            AllocationCsv.Row row = rows.get(name);
            if (row == null) {
                throw EarmarkException.badInput(file + " is not listed in " + request.allocation()
                        + " (its \"file\" column has no row for " + name + ").");
            }
            AudioInfo info = AudioProbe.probe(file);
            String sha = Hashes.sha256(file);
            Path twin = byHash.put(sha, file);
            if (twin != null) {
                throw EarmarkException.badInput(file + " has the same content as " + twin + "; each recording may be"
                        + " in the study once.");
            }
            checked.add(new Checked(file, info, sha, row));
            progress.update(++n / (double) request.audio().size() * 0.2, "Checked " + name);
        }
        for (AllocationCsv.Row row : allocation.rows()) {
            if (!byName.containsKey(AllocationCsv.fileName(row.file()))) {
                throw EarmarkException.badInput(request.allocation() + " line " + row.line() + ": " + row.file()
                        + " is not among the audio files given.");
            }
        }
        return checked;
    }

    private static void cleanUp(List<Path> created, Path dir, boolean dirExisted) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Best effort: these are our own copies, never the originals.
            }
        }
        if (!dirExisted) {
            try {
                Files.deleteIfExists(dir.resolve("audio"));
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // Not empty or not ours to remove.
            }
        }
    }
}
