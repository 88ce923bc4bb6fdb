package org.earmark.ui.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.earmark.model.AuditEntry;
import org.earmark.storage.StudyFile;
import org.earmark.ui.DesktopApp;
import org.earmark.ui.common.Background;
import org.earmark.ui.study.TestStudy;
import org.earmark.ui.study.shared.OpenStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Results tab's logic on the calling thread: the hand-worked agreement, fidelity, blinding, unblinding, export. */
class ResultsViewModelTest {

    private static final ResourceBundle TEXT = DesktopApp.messages();

    @TempDir
    Path tmp;
    private OpenStudy study;
    private ResultsViewModel model;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        TestStudy fixture = TestStudy.create(tmp).mergeAll();
        study = OpenStudy.open(fixture.studyDir, Clock.systemUTC());
        model = new ResultsViewModel(study, Background.onCallingThread(), TEXT, Clock.systemUTC());
        model.setOnError((doing, e) -> errors.add(doing + ": " + e.getMessage()));
        model.refresh();
    }

    @AfterEach
    void close() {
        study.close();
    }

    private String stat(String key) {
        return model.overall().stream().filter(s -> s.statistic().equals(TEXT.getString(key))).findFirst()
                .orElseThrow().value();
    }

    @Test
    void agreementMatchesTheHandWorkedNumbers() {
        assertEquals(List.of(), errors);
        assertEquals("4", stat("results.stat.pairs"));
        assertEquals("3", stat("results.stat.agreed"));
        assertEquals("2", stat("results.stat.unpaired"));
        assertEquals("0.500", stat("results.stat.percent"));
        double pe = 8.0 / 36;
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", (0.5 - pe) / (1 - pe)), stat("results.stat.kappa"));
        ResultRows.Code ofq = model.perCode().stream().filter(c -> c.code().equals("OFQ")).findFirst().orElseThrow();
        assertEquals("2", ofq.both());
        assertEquals("3", ofq.first());
        assertEquals("2", ofq.second());
        assertEquals("0.800", ofq.f1());
        assertEquals(0.8, ofq.f1Value().getAsDouble(), 1e-12);
        assertEquals(List.of("R-AAAA", "R-BBBB"), model.perRecording().stream().map(ResultRows.Recording::recording)
                .toList());
        assertEquals("0.500", model.perRecording().get(0).percent());
        assertTrue(model.agreementSummaryProperty().get().contains("2 double-coded recordings (coders a, b)"),
                model.agreementSummaryProperty().get());
        assertTrue(model.metricAgreement().stream().anyMatch(m -> m.metric().equals("ofq_count")));

        model.toleranceProperty().set(0.75); // only OFQ 10.0 and 10.5 are close enough now
        model.refresh();
        assertEquals("1", stat("results.stat.pairs"));
        model.toleranceProperty().set(-1);
        model.refresh();
        assertEquals(1, errors.size(), "a tolerance out of range is refused with a message");
    }

    @Test
    void fidelityPerRecordingWithASourceSelector() {
        assertEquals(List.of("ofq_count", "ofq_per_10min", "ofq_share", "case_minutes", "outcome_focus_rating"),
                model.metricIds());
        assertEquals(3, model.fidelity().size());
        ResultRows.Fidelity a = model.fidelity().get(0);
        assertEquals("R-AAAA", a.recording());
        assertEquals("a", a.source());
        assertEquals(List.of("1.000", "10.000", "0.333", "0.500", "4.000"), a.values());
        assertEquals(List.of("default", "coder:a", "coder:b"), model.sources().stream()
                .map(s -> s.value() == null ? "default" : s.value()).toList());
        model.sourceProperty().set(model.sources().get(2)); // coder b: refreshes by itself
        assertEquals(List.of("R-AAAA", "R-BBBB"), model.fidelity().stream().map(ResultRows.Fidelity::recording)
                .toList());
        assertEquals("b", model.fidelity().get(0).source());
    }

    @Test
    void blindUntilUnblindedThenGroupSummaries() throws Exception {
        assertFalse(model.unblindedProperty().get());
        assertEquals(List.of(), model.summary());
        assertEquals(List.of("arm", "team"), model.allocationColumns());
        String everything = everythingShown();
        for (String secret : TestStudy.SECRETS) {
            assertFalse(everything.contains(secret), secret + " shown before unblinding");
        }
        String question = model.unblindQuestion();
        assertTrue(question.contains("allocation columns: arm, team."), question);
        assertTrue(question.contains("audit log") && question.contains("cannot be undone"), question);
        assertTrue(model.blindingTextProperty().get().contains("(arm, team)"), model.blindingTextProperty().get());

        model.unblind();
        assertTrue(model.unblindedProperty().get());
        List<AuditEntry> audit = study.call(StudyFile::audit);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("unblind")), "logged");
        assertTrue(model.summary().stream().anyMatch(s -> s.group().equals("Arm-Alpha-Intervention")
                && s.metric().equals(model.metricLabel("ofq_count")) && s.n() == 2 && s.mean().equals("2.000")),
                model.summary().toString());
        assertTrue(everythingShown().contains("Southgate Team"));
    }

    @Test
    void exportsXlsxAndCsvWithTheSameTablesAsTheCommandLine() throws Exception {
        Path xlsx = tmp.resolve("out/results.xlsx");
        Path csv = tmp.resolve("out/csv");
        model.export(xlsx, csv);
        assertEquals(List.of(), errors);
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(List.of("Sessions", "Events", "Agreement", "Codebook", "Provenance"),
                    wb.getSheets().map(Sheet::getName).toList());
        }
        try (var files = Files.list(csv)) {
            assertEquals(5, files.count());
        }
        assertTrue(model.statusProperty().get().startsWith("Exported 6 files"), model.statusProperty().get());
    }

    @Test
    void exportRefusesToReplaceTheStudyFileAndWritesNothingWhenTheCsvFolderIsAFile() throws Exception {
        Path studyFile = study.call(StudyFile::path);
        byte[] before = Files.readAllBytes(studyFile);
        model.export(studyFile, null);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(studyFile + " is an Earmark study file"), errors.toString());
        assertArrayEquals(before, Files.readAllBytes(studyFile));

        errors.clear();
        Path xlsx = tmp.resolve("results.xlsx");
        Path notAFolder = Files.writeString(tmp.resolve("csv"), "notes");
        model.export(xlsx, notAFolder);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(notAFolder + " is a file, not a folder"), errors.toString());
        assertFalse(Files.exists(xlsx), "nothing is written when any target is refused");
        assertEquals("notes", Files.readString(notAFolder));
    }

    /** Every text the model hands to the view. */
    private String everythingShown() {
        StringBuilder all = new StringBuilder();
        for (var list : List.of(model.overall(), model.perCode(), model.perRecording(), model.metricAgreement(),
                model.fidelity(), model.summary(), model.sources(), model.allocationColumns())) {
            all.append(list).append('\n');
        }
        all.append(model.agreementSummaryProperty().get()).append(model.blindingTextProperty().get())
                .append(model.statusProperty().get()).append(model.unblindQuestion());
        return all.toString();
    }
}
