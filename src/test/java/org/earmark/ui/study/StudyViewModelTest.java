package org.earmark.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.earmark.model.Assignment;
import org.earmark.storage.StudyFile;
import org.earmark.study.Assigner;
import org.earmark.study.StudyFolder;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.common.Background;
import org.earmark.ui.study.shared.OpenStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Study tab's logic on the calling thread: status, assign, packages (with cancel), merge and its reports. */
class StudyViewModelTest {

    private static final ResourceBundle TEXT = DesktopApp.messages();

    @TempDir
    Path tmp;
    private TestStudy fixture;
    private OpenStudy study;
    private StudyViewModel model;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        fixture = TestStudy.create(tmp);
        study = OpenStudy.open(fixture.studyDir, Clock.systemUTC());
        model = new StudyViewModel(study, Background.onCallingThread(), TEXT, Clock.systemUTC(), audio -> null,
                ZoneOffset.UTC);
        model.setOnError((doing, e) -> errors.add(doing + ": " + e.getMessage()));
        model.refresh();
    }

    @AfterEach
    void close() {
        study.close();
    }

    @Test
    void showsRecordingsCodersAndProgress() {
        assertEquals(List.of("R-AAAA", "R-BBBB", "R-CCCC"), model.recordings().stream().map(RecordingRow::id).toList());
        RecordingRow a = model.recordings().get(0);
        assertEquals("1:00", a.duration());
        assertEquals(List.of("a", "b"), a.coders());
        assertEquals(Map.of("a", 0, "b", 0), a.events());
        assertEquals(List.of("a", "b"), model.eventColumns());
        assertEquals(List.of(new CoderRow("a", 3, true, null, 0), new CoderRow("b", 2, true, null, 0)),
                model.coders());
        assertTrue(model.assignmentLockedProperty().get(), "packages went out");
        assertTrue(model.statusProperty().get().contains("3 recordings") && model.statusProperty().get()
                .contains("2 double-coded"), model.statusProperty().get());
        assertEquals(null, model.jobProperty().get());
    }

    @Test
    void mergesCoderFilesAndReportsEachMerge() {
        int changes = model.changesProperty().get();
        model.merge(List.of(fixture.coderFileA, fixture.coderFileB));
        assertEquals(List.of(), errors);
        assertEquals(Map.of("a", 4, "b", 4), model.recordings().get(0).events());
        assertEquals(Map.of("a", 4), model.recordings().get(2).events());
        assertTrue(model.log().get(0).startsWith("a.earmark: coder a \u2014 10 new, 0 changed, 0 unchanged events"),
                model.log().toString());
        assertTrue(model.log().contains("    R-CCCC: 4 new, 0 changed, 0 unchanged; 4 events now"),
                model.log().toString());
        assertTrue(model.coders().get(0).lastMerge() != null);
        assertTrue(model.changesProperty().get() > changes, "the other screens are told");

        model.merge(List.of(fixture.coderFileB));
        assertEquals("b.earmark: coder b \u2014 nothing new (already merged)", model.log().get(model.log().size() - 1));
    }

    @Test
    void aFileThatDoesNotBelongIsReportedAndTheOthersStillMerge() throws Exception {
        Path notOurs = tmp.resolve("notes.earmark");
        Files.writeString(notOurs, "{\"just\": \"json\"}");
        model.merge(List.of(notOurs, fixture.coderFileA));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Could not merge notes.earmark"), errors.toString());
        assertTrue(model.log().get(0).startsWith("notes.earmark: not merged \u2014"), model.log().toString());
        assertEquals(Map.of("a", 4, "b", 0), model.recordings().get(0).events());
    }

    @Test
    void onlyCoderFilesAreTakenFromADrop() throws Exception {
        Path coder = Files.writeString(tmp.resolve("x.EARMARK"), "");
        Path other = Files.writeString(tmp.resolve("x.wav"), "");
        assertEquals(List.of(coder), StudyViewModel.coderFiles(List.of(coder.toFile(), other.toFile(),
                tmp.resolve("missing.earmark").toFile())));
        model.merge(List.of());
        assertEquals(TEXT.getString("study.merge.noCoderFiles"), model.statusProperty().get());
    }

    @Test
    void createsOnePackagePerCoderAndStopsWhenCancelled() throws Exception {
        Path out = tmp.resolve("out");
        model.createPackages(out, List.of("a", "b"));
        assertTrue(Files.size(StudyViewModel.packageFile(out, "a")) > 0);
        assertTrue(Files.size(StudyViewModel.packageFile(out, "b")) > 0);
        assertEquals(2, model.existingPackages(out, List.of("a", "b", "c")).size());
        assertTrue(model.log().get(0).startsWith("Package for a written to "), model.log().toString());

        Path cancelled = tmp.resolve("cancelled");
        java.util.concurrent.atomic.AtomicReference<StudyViewModel> self = new java.util.concurrent.atomic.AtomicReference<>();
        StudyViewModel cancelling = new StudyViewModel(study, Background.onCallingThread(), TEXT, Clock.systemUTC(),
                audio -> {
                    self.get().jobProperty().get().cancel(); // the lead presses Cancel while the first waveform is made
                    return null;
                }, ZoneOffset.UTC);
        self.set(cancelling);
        cancelling.createPackages(cancelled, List.of("a", "b"));
        assertFalse(Files.exists(StudyViewModel.packageFile(cancelled, "a")));
        assertEquals("Cancelled: 0 of 2 packages written.", cancelling.log().get(cancelling.log().size() - 1));
    }

    @Test
    void assignsThroughTheSameServiceAsTheCommandLine() throws Exception {
        // A fresh study without packages, so assignments may change.
        Path dir = tmp.resolve("fresh");
        TestStudy other = TestStudy.create(dir);
        try (StudyFile s = StudyFolder.open(other.studyDir, Clock.systemUTC())) {
            assertTrue(s.packagesMade().size() == 2);
        }
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare.resolve("audio"));
        Files.copy(other.studyDir.resolve("audio/R-AAAA.wav"), bare.resolve("audio/R-AAAA.wav"));
        try (StudyFile s = StudyFile.create(StudyFolder.studyFile(bare), new org.earmark.storage.StudySetup("Bare",
                TestStudy.CODEBOOK, List.of("arm"), List.of(
                        entry("R-AAAA"), entry("R-BBBB"), entry("R-CCCC"), entry("R-DDDD"))), Clock.systemUTC())) {
            // created
        }
        try (OpenStudy open = OpenStudy.open(bare, Clock.systemUTC())) {
            StudyViewModel fresh = new StudyViewModel(open, Background.onCallingThread(), TEXT, Clock.systemUTC(),
                    audio -> null, ZoneOffset.UTC);
            fresh.refresh();
            assertEquals(List.of(), fresh.coders());
            AssignForm form = new AssignForm(TEXT, List.of(), 42);
            form.codersProperty().set("ann, bea , cy");
            form.sharePercentProperty().set(50);
            assertTrue(form.validProperty().get(), form.problem().get());
            fresh.assign(form.request());
            List<Assignment> expected = Assigner.assign(List.of("R-AAAA", "R-BBBB", "R-CCCC", "R-DDDD"),
                    List.of("ann", "bea", "cy"), 0.5, 42);
            assertEquals(expected, open.call(StudyFile::assignments).stream()
                    .sorted(java.util.Comparator.comparing(Assignment::coder).thenComparing(Assignment::position))
                    .toList(), "the same assignment as 'earmark study assign --seed 42'");
            assertEquals(List.of("ann", "bea", "cy"), fresh.coders().stream().map(CoderRow::coder).toList());
            assertTrue(fresh.log().get(0).contains("Assigned 4 recordings to 3 coders (ann, bea, cy); 2 double-coded;"
                    + " seed 42"), fresh.log().toString());
        }
    }

    private static org.earmark.storage.StudySetup.Entry entry(String id) {
        return new org.earmark.storage.StudySetup.Entry(new org.earmark.model.StudyRecording(id, "audio/" + id
                + ".wav", "wav", id.repeat(16).substring(0, 64).toLowerCase(), 60_000), id + ".wav", "o" + id,
                Map.of("arm", "x"));
    }

    @Test
    void theAssignFormExplainsWhatIsWrong() {
        AssignForm form = new AssignForm(TEXT, List.of("a", "b"), 7);
        assertEquals("a, b", form.codersProperty().get());
        assertTrue(form.validProperty().get());
        form.codersProperty().set("");
        assertEquals(TEXT.getString("study.assign.problem.noCoders"), form.problem().get());
        form.codersProperty().set("a, b/c");
        assertTrue(form.problem().get().contains("b/c"), form.problem().get());
        form.codersProperty().set("a, consensus");
        assertTrue(form.problem().get().contains("consensus"), form.problem().get());
        form.codersProperty().set("a, Consensus");
        assertTrue(form.problem().get().contains("Consensus"), form.problem().get());
        form.codersProperty().set("Ann, b, ann");
        assertTrue(form.problem().get().contains("Ann") && form.problem().get().contains("ann"),
                form.problem().get());
        form.codersProperty().set("a, a");
        assertEquals(TEXT.getString("study.assign.problem.duplicate"), form.problem().get());
        form.codersProperty().set("a");
        assertEquals(TEXT.getString("study.assign.problem.twoCoders"), form.problem().get());
        form.sharePercentProperty().set(0);
        assertTrue(form.validProperty().get());
        form.seedProperty().set("x");
        assertEquals(TEXT.getString("study.assign.problem.seed"), form.problem().get());
    }
}
