package org.earmark.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;
import org.earmark.io.EventCsv;
import org.earmark.model.Assignment;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.storage.StudyFile;
import org.earmark.study.Assigner;
import org.earmark.study.Merger;
import org.earmark.study.PackageOpener;
import org.earmark.study.Packager;
import org.earmark.study.StudyInitializer;

/**
 * The demo that opens on first run: three short synthetic supervision discussions set up as a
 * real study (through the same services a lead researcher uses), a coder file for "you", and a
 * second coder's coding already merged, so that once you have coded and merged your file, agreement can be
 * shown. Each user gets a private copy.
 */
public final class DemoStudy {

    /** Where a demo lives: the study folder and your coder file. */
    public record Installed(Path studyDir, Path coderFile) {
    }

    private static final String RESOURCES = "/org/earmark/demo/";
    private static final List<String> SESSIONS = List.of("session-1.wav", "session-2.wav", "session-3.wav");
    static final String YOU = "you";
    static final String SECOND = "coder-b";

    private DemoStudy() {
    }

    /** The demo in {@code home}, made if it is not there yet (or was left half-made). */
    public static Installed ensure(Path home, Clock clock, Progress progress) {
        Path studyDir = home.resolve("demo-study");
        Path coderFile = home.resolve("your-coding").resolve(YOU + ".earmark");
        if (Files.exists(coderFile) && Files.exists(studyDir.resolve(StudyFile.FILE_NAME))) {
            return new Installed(studyDir, coderFile);
        }
        Path work = home.resolve(".demo-in-progress");
        try {
            deleteTree(work);
            Files.createDirectories(work);
            Installed made = build(work, clock, progress);
            deleteTree(studyDir);
            deleteTree(coderFile.getParent());
            Files.move(work.resolve("demo-study"), studyDir);
            Files.move(work.resolve("your-coding"), coderFile.getParent());
            deleteTree(work);
            return new Installed(studyDir, coderFile.getParent().resolve(made.coderFile().getFileName()));
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not set up the demo in " + home + ": "
                    + e.getMessage(), e);
        }
    }

    private static Installed build(Path work, Clock clock, Progress progress) throws IOException {
        Path originals = Files.createDirectories(work.resolve("originals"));
        List<Path> audio = new ArrayList<>();
        for (String session : SESSIONS) {
            audio.add(copyResource(session, originals.resolve(session)));
        }
        Path allocation = copyResource("allocation.csv", originals.resolve("allocation.csv"));
        Path codebook = copyResource("/codebook/outcomes-focused-supervision.json",
                originals.resolve("codebook.json"));
        Path studyDir = work.resolve("demo-study");
        progress.update(0.1, "Setting up the demo study");
        try (StudyFile study = StudyInitializer.init(new StudyInitializer.Request(studyDir, "Earmark demo",
                codebook, allocation, audio), clock, Progress.NONE)) {
            List<String> ids = study.recordings().stream().map(r -> r.id()).toList();
            List<Assignment> assignments = Assigner.assign(ids, List.of(YOU, SECOND), 1.0, 2026);
            study.assign(List.of(YOU, SECOND), assignments, "demo: both coders code every recording");
            progress.update(0.4, "Making the coder files");
            Map<String, String> idByOriginal = study.originalFileNames();
            Path yours = unpackFor(study, studyDir, YOU, work.resolve("your-coding"), clock);
            Path second = unpackFor(study, studyDir, SECOND, work.resolve("second-coder"), clock);
            codeAsSecondCoder(second, idByOriginal);
            Merger.merge(study, second);
            progress.update(1, "Demo ready");
            return new Installed(studyDir, yours);
        }
    }

    private static Path unpackFor(StudyFile study, Path studyDir, String coder, Path into, Clock clock) {
        Path pkg = into.resolveSibling(coder + ".zip");
        Packager.write(study, studyDir, coder, pkg, audio -> {
            try {
                return org.earmark.audio.WaveformDecoder.compute(audio, Progress.NONE);
            } catch (EarmarkException e) {
                return null;
            }
        }, clock, Progress.NONE);
        Path file = PackageOpener.unpack(pkg, into);
        try {
            Files.delete(pkg);
        } catch (IOException ignored) {
            // Only a leftover of the demo's own making.
        }
        return file;
    }

    /** The second coder's events, ratings and "done" marks, from the CSVs that ship with the demo. */
    private static void codeAsSecondCoder(Path coderFile, Map<String, String> idByOriginal) throws IOException {
        List<NewEvent> events = new ArrayList<>();
        for (String line : readLines("second-coder.csv").subList(1, readLines("second-coder.csv").size())) {
            NewEvent e = EventCsv.parseLine(line);
            String id = idByOriginal.get(e.recordingId());
            events.add(new NewEvent(id, e.code(), e.startMs(), e.endMs(), e.note()));
        }
        try (CoderFile f = CoderFile.open(coderFile)) {
            f.addAll(events, "demo second coder");
            for (String line : readLines("ratings.csv").subList(1, readLines("ratings.csv").size())) {
                String[] cells = line.split(",");
                String id = idByOriginal.get(cells[0]);
                f.setRating(id, "outcome_focus", Integer.parseInt(cells[2].strip()));
                f.setStatus(id, RecordingStatus.DONE);
            }
        }
    }

    private static List<String> readLines(String resource) throws IOException {
        try (InputStream in = DemoStudy.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IOException("the demo resource " + resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
        }
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        String path = resource.startsWith("/") ? resource : RESOURCES + resource;
        try (InputStream in = DemoStudy.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the demo resource " + path + " is missing from the application");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
