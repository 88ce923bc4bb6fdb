package org.earmark.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.earmark.core.Progress;
import org.earmark.model.Recording;
import org.earmark.storage.CoderFile;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A researcher coding alone makes a coder file from audio files. */
class SoloCoderFileTest {

    @TempDir
    Path dir;

    @Test
    void recordingsGetAnonymousIdsChecksumsDurationsAndAShuffledOrder() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        List<Path> files = List.of(Files.writeString(audio.resolve("Team A - Jo Bloggs 2024-03-01.wav"), "one"),
                Files.writeString(audio.resolve("Team B - Sam.mp3"), "two"),
                Files.writeString(audio.resolve("c.m4a"), "three"));
        Path target = Files.createDirectories(dir.resolve("coding")).resolve("mine.earmark");
        SoloCoderFile.create(target, "ann", TestFiles.CODEBOOK, files, f -> 1_000L * Files.size(f),
                new TestClock(), new Random(7), Progress.NONE);
        try (CoderFile f = CoderFile.open(target)) {
            List<Recording> recordings = f.recordings();
            assertEquals(3, recordings.size());
            Set<String> audioFiles = new HashSet<>();
            for (Recording r : recordings) {
                assertTrue(r.id().matches("R-[2-9A-HJKMNP-Z]{4}"), r.id());
                assertEquals(64, r.sha256().length());
                audioFiles.add(r.audioFile());
                Path resolved = target.getParent().resolve(r.audioFile()).normalize();
                assertEquals(r.sha256(), RecordingAudio.sha256(resolved, Progress.NONE));
                assertEquals(1_000L * Files.size(resolved), r.durationMs());
            }
            assertEquals(Set.of("../audio/Team A - Jo Bloggs 2024-03-01.wav", "../audio/Team B - Sam.mp3",
                    "../audio/c.m4a"), audioFiles, "the audio stays where it is");
            assertEquals("ann", f.coder());
            assertFalse(recordings.stream().anyMatch(r -> r.id().contains("Team")));
        }
    }

    /** A text file named .wav once gave "Unexpected error (UnsupportedAudioFileException) … a bug in Earmark". */
    @Test
    void aFileThatIsNotAudioIsRefusedByNameAndNoCoderFileIsMade() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.wav"), "just some text, not a recording");
        Path target = dir.resolve("mine.earmark");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.earmark.core.EarmarkException.class,
                () -> SoloCoderFile.create(target, "ann", TestFiles.CODEBOOK, List.of(fake),
                        SoloCoderFile.DurationProbe.FROM_HEADERS, new TestClock(), new Random(7), Progress.NONE));
        assertEquals(org.earmark.core.EarmarkException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("fake.wav"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals("just some text, not a recording", Files.readString(fake));
    }

    @Test
    void idsAvoidCharactersThatLookAlike() {
        Random random = new Random(1);
        for (int i = 0; i < 1_000; i++) {
            String id = SoloCoderFile.anonymousId(random);
            assertFalse(id.substring(2).matches(".*[01OIL].*"), id);
        }
    }
}
