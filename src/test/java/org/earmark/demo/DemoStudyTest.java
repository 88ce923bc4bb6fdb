package org.earmark.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.earmark.core.Progress;
import org.earmark.model.RecordingProgress;
import org.earmark.results.AgreementReport;
import org.earmark.results.StudyData;
import org.earmark.storage.CoderFile;
import org.earmark.storage.StudyFile;
import org.earmark.study.StudyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStudyTest {

    @TempDir
    Path home;

    @Test
    void theDemoIsARealStudyWithYourFileAndASecondCodersWorkMerged() {
        DemoStudy.Installed demo = DemoStudy.ensure(home, Clock.systemUTC(), Progress.NONE);
        assertTrue(Files.exists(demo.coderFile()));
        try (CoderFile yours = CoderFile.open(demo.coderFile())) {
            assertEquals(3, yours.recordings().size());
            for (RecordingProgress p : yours.progress()) {
                assertEquals(0, p.eventCount(), "your coding starts empty");
                assertTrue(Files.exists(demo.coderFile().getParent().resolve(p.recording().audioFile())));
                assertTrue(yours.peaks(p.recording().id(), p.recording().sha256()).isPresent(), "waveform shipped");
            }
        }
        try (StudyFile study = StudyFolder.open(demo.studyDir(), Clock.systemUTC())) {
            StudyData data = StudyData.load(study);
            assertEquals(3, data.recordings().size());
            int secondCodersEvents = data.events().values().stream()
                    .mapToInt(byCoder -> byCoder.getOrDefault(DemoStudy.SECOND, java.util.List.of()).size()).sum();
            assertTrue(secondCodersEvents > 25, "the second coder's events are merged: " + secondCodersEvents);
            // Your coding has not come in yet: a recording with one coding is waiting, not double-coded with zero.
            assertEquals(0, data.doubleCoded().size());
            assertEquals(3, data.awaitingSecondCoding().size());
            AgreementReport report = AgreementReport.compute(data, 2.0);
            assertEquals(0, report.overall().pairs(), "nothing to compare until you code");
            assertEquals(3, report.waiting().recordings().size());
        }
        DemoStudy.Installed again = DemoStudy.ensure(home, Clock.systemUTC(), Progress.NONE);
        assertEquals(demo, again, "made once, then reused");
    }
}
