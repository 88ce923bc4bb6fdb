package org.earmark.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged recordings, made by cutting and flipping bytes of good ones: probing, stripping and drawing either work
 * or fail with an {@link EarmarkException}, never with anything a user would see as a crash, and never change the
 * input.
 */
class DamagedAudioTest {

    private static final int CASES_PER_FILE = 60;

    @TempDir
    Path dir;

    @Test
    void damagedFilesFailCleanly() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 16000, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone.mp3", "-b", "64", "--add-id3v2", "--tt", "Title");
        Path m4a = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "aac", "-metadata", "title=Title", "tone.m4a");
        Random random = new Random(20261123);
        for (Path good : new Path[] {wav, mp3, m4a}) {
            byte[] original = Files.readAllBytes(good);
            for (int i = 0; i < CASES_PER_FILE; i++) {
                byte[] bytes = damage(original, random);
                Path file = Files.write(dir.resolve("damaged-" + i + "-" + good.getFileName()), bytes);
                exercise(file);
                assertArrayEquals(bytes, Files.readAllBytes(file), "the input is never changed");
                Files.delete(file);
            }
        }
    }

    private void exercise(Path file) {
        String step = "probe";
        try {
            AudioProbe.probe(file);
            step = "strip";
            MetadataStripper.strip(file, dir.resolve("out"));
            step = "peaks";
            WaveformDecoder.compute(file, Progress.NONE);
        } catch (EarmarkException expected) {
            // a clear refusal is fine
        } catch (RuntimeException e) {
            fail(step + " of " + file + " threw " + e, e);
        }
    }

    private static byte[] damage(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(20); k++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 2 -> {
                // damage the headers, where the parsers look
                for (int k = 0; k < 1 + random.nextInt(6); k++) {
                    bytes[random.nextInt(Math.min(bytes.length, 200))] = (byte) random.nextInt(256);
                }
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, random.nextInt(2000));
                byte[] junk = new byte[length];
                random.nextBytes(junk);
                System.arraycopy(junk, 0, bytes, from, length);
            }
        }
        return bytes;
    }
}
