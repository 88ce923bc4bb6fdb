package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.RecordingStatus;
import org.earmark.storage.CoderFile;
import org.earmark.storage.StudyFile;
import org.earmark.study.PackageOpener;
import org.earmark.study.StudyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package made again for a coder (their laptop died) starts from their work the study already holds, with the
 * same event ids: merging the new file, or the old one again, never counts an event twice.
 */
class ReissuedPackageTest {

    @TempDir
    Path tmp;

    @Test
    void theNewFileStartsFromTheMergedWorkAndNothingIsCountedTwice() throws Exception {
        Fixture fx = Fixture.build(tmp); // ann's 36 events merged
        String recording;
        Set<String> mergedIds = new TreeSet<>();
        try (CoderFile old = CoderFile.open(fx.coderFile())) {
            recording = old.recordings().get(0).id();
            old.delete(old.events(recording).get(0).id()); // a deletion merged as a tombstone
            old.setRating(recording, "outcome_focus", 4);
            old.setStatus(recording, RecordingStatus.DONE);
            for (var r : old.recordings()) {
                old.events(r.id()).forEach(e -> mergedIds.add(e.id().toString()));
            }
        }
        assertEquals(0, Run.cli("study", "merge", fx.studyDir().toString(), fx.coderFile().toString()).exitCode());

        Path pkg = fx.root().resolve("ann again.earmark-package");
        Run again = Run.cli("study", "package", fx.studyDir().toString(), "--coder", "ann", "--out", pkg.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("it starts with the 36 events of ann already merged"), again.toString());
        Path fresh = PackageOpener.unpack(pkg, fx.root().resolve("new laptop"));
        try (CoderFile f = CoderFile.open(fresh)) {
            Set<String> ids = new TreeSet<>();
            for (var r : f.recordings()) {
                f.events(r.id()).forEach(e -> ids.add(e.id().toString()));
            }
            assertEquals(mergedIds, ids, "the same live events, by id");
            assertEquals(Map.of("outcome_focus", 4), f.ratings(recording));
            assertEquals(RecordingStatus.DONE, f.progress().stream().filter(p -> p.recording().id().equals(recording))
                    .findFirst().orElseThrow().status());
            f.add(NewEvent.point(recording, "OFQ", 1_500));
        }

        Run merged = Run.cli("study", "merge", fx.studyDir().toString(), fresh.toString());
        assertEquals(0, merged.exitCode(), merged.toString());
        Run oldAgain = Run.cli("study", "merge", fx.studyDir().toString(), fx.coderFile().toString());
        assertEquals(0, oldAgain.exitCode(), oldAgain.toString());
        try (StudyFile study = StudyFolder.open(fx.studyDir(), Clock.systemUTC())) {
            int live = study.liveEventCounts().values().stream().mapToInt(m -> m.getOrDefault("ann", 0)).sum();
            assertEquals(mergedIds.size() + 1, live, "35 carried over + 1 new, none twice");
            assertEquals(1, study.mergedEvents("ann").stream().filter(Event::deleted).count(), "the tombstone kept");
        }
    }
}
