package org.earmark.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tone sits at 1000-2000 ms in every file; each format must put it there, to within a bin or two. */
class WaveformDecoderTest {

    private static final int LOUD = 8000;

    @TempDir
    Path dir;

    @Test
    void wavToneIsWhereItWasWritten() throws IOException {
        Peaks peaks = WaveformDecoder.compute(TestAudio.toneWav(dir, "tone.wav", 44100, 1), Progress.NONE);
        assertEquals(10, peaks.binMillis());
        assertEquals(3000, peaks.durationMs());
        assertEquals(300, peaks.bins());
        for (int i = 0; i < peaks.bins(); i++) {
            boolean tone = i >= 100 && i < 200;
            if (tone) {
                assertTrue(Math.abs(peaks.max()[i] - 16384) < 60 && Math.abs(peaks.min()[i] + 16384) < 60,
                        "bin " + i + ": " + peaks.min()[i] + ".." + peaks.max()[i]);
            } else {
                assertEquals(0, peaks.max()[i], "bin " + i);
                assertEquals(0, peaks.min()[i], "bin " + i);
            }
        }
    }

    @Test
    void stereoIsTheEnvelopeOfBothChannels() throws IOException {
        // The tone only in the right channel must still show: channels are not averaged away.
        Peaks peaks = WaveformDecoder.compute(TestAudio.toneWav(dir, "right.wav", 22050, 2, 1), 20, Progress.NONE);
        assertEquals(150, peaks.bins());
        assertEquals(50, TestAudio.firstLoudBin(peaks, LOUD));
        assertEquals(99, TestAudio.lastLoudBin(peaks, LOUD));
        assertTrue(peaks.max()[75] > 16300, "max " + peaks.max()[75]);
    }

    @Test
    void mp3WithLameTagLinesUpWithTheWav() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone44.wav", 44100, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone44.mp3", "-b", "128");
        assertLinesUp(WaveformDecoder.compute(wav, Progress.NONE), WaveformDecoder.compute(mp3, Progress.NONE));
        assertTrue(mp3Stream(mp3).encoderDelay() > 0, "lame wrote a LAME tag with the delay");
    }

    @Test
    void mp3WithoutLameTagLinesUpWithTheWav() throws IOException {
        // At 16 kHz and 32 kbps a frame is too small for the LAME tag: the default delay must be assumed.
        Path wav = TestAudio.toneWav(dir, "tone16.wav", 16000, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone16.mp3", "-b", "32");
        assertEquals(-1, mp3Stream(mp3).encoderDelay());
        assertLinesUp(WaveformDecoder.compute(wav, Progress.NONE), WaveformDecoder.compute(mp3, Progress.NONE));
    }

    @Test
    void stereoMp3FromFfmpegLinesUpWithTheWav() throws IOException {
        Path wav = TestAudio.toneWav(dir, "stereo.wav", 48000, 2, 0);
        Path mp3 = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "libmp3lame", "-b:a", "128k", "stereo.mp3");
        assertLinesUp(WaveformDecoder.compute(wav, Progress.NONE), WaveformDecoder.compute(mp3, Progress.NONE));
    }

    @Test
    void m4aThroughFfmpegLinesUpWithTheWav() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path m4a = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "aac", "-b:a", "96k", "tone.m4a");
        assertLinesUp(WaveformDecoder.compute(wav, Progress.NONE), WaveformDecoder.compute(m4a, Progress.NONE));
    }

    @Test
    void m4aWithoutFfmpegSaysOnlyTheWaveformIsMissing() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path m4a = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "aac", "tone.m4a");
        EarmarkException e = assertThrows(EarmarkException.class, () -> FfmpegPeaks.compute(m4a,
                mp4Layout(m4a), 10, Progress.NONE, java.util.Optional.empty()));
        assertTrue(e.getMessage().contains("waveform of " + m4a + " is unavailable")
                && e.getMessage().contains("Playback may still work"), e.getMessage());
    }

    @Test
    void probeAndPeaksAgreeOnTheLength() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        for (Path file : new Path[] {wav, TestAudio.lame(dir, wav, "tone.mp3", "-b", "64"),
            TestAudio.lame(dir, TestAudio.toneWav(dir, "t16.wav", 16000, 1), "t16.mp3", "-b", "32")}) {
            assertEquals(AudioProbe.probe(file).durationMs(), WaveformDecoder.compute(file, Progress.NONE).durationMs(),
                    file.toString());
        }
    }

    @Test
    void mp3InPartsIsIdenticalToOneDecoder() {
        Path wav = TestAudio.speechWav(dir, "speech.wav", "How will we know that things are getting better for the"
                + " child? What difference will it make for the family, and who will notice it first?");
        String[][] encodings = {{"--resample", "44.1", "-b", "128"}, {"--resample", "44.1", "-V", "5"}, {"-V", "5"},
            {"--resample", "16", "-b", "32"}}; // MPEG-1 CBR and VBR, MPEG-2 VBR and CBR without a LAME tag
        for (int e = 0; e < encodings.length; e++) {
            String[] options = encodings[e];
            Path mp3 = TestAudio.lame(dir, wav, "speech" + e + ".mp3", options);
            Mp3Stream stream = mp3Stream(mp3);
            Peaks whole = Mp3Peaks.decode(mp3, stream, 10, Progress.NONE, 1, Integer.MAX_VALUE, 0);
            // Tiny chunks put many borders into a few seconds (VBR pauses fill the bit reservoir with small frames);
            // a stagger of 0 or 3 frames starts the helper threads at once.
            for (int[] split : new int[][] {{2, 17, 0}, {3, 5, 0}, {2, 40, 3}, {4, 1, 0}}) {
                Peaks parallel = Mp3Peaks.decode(mp3, stream, 10, Progress.NONE, split[0], split[1], split[2]);
                String what = String.join(" ", options) + " on " + split[0] + " threads in chunks of " + split[1];
                assertArrayEquals(whole.min(), parallel.min(), what);
                assertArrayEquals(whole.max(), parallel.max(), what);
            }
            assertTrue(TestAudio.firstLoudBin(whole, 1000) >= 0, "speech is audible");
        }
    }

    @Test
    void cancellationStopsEarly() throws IOException {
        Path wav = dir.resolve("long.wav");
        byte[] pcm = TestAudio.tonePcm(16000, 1, 0, 60, 0);
        Files.write(wav, TestAudio.riff("fmt ", TestAudio.fmtPcm16(16000, 1), "data", pcm));
        Path mp3 = TestAudio.lame(dir, wav, "long.mp3", "-b", "32");
        for (Path file : new Path[] {wav, mp3}) {
            AtomicInteger asked = new AtomicInteger();
            Progress cancelSoon = new Progress() {
                @Override
                public void update(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return asked.incrementAndGet() > 3;
                }
            };
            assertThrows(Progress.CancelledException.class, () -> WaveformDecoder.compute(file, cancelSoon));
            assertTrue(asked.get() < 50, file + " asked " + asked.get() + " times before stopping");
        }
    }

    @Test
    void progressRisesToOne() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone.mp3", "-b", "64");
        for (Path file : new Path[] {wav, mp3}) {
            double[] last = {-1};
            AtomicInteger updates = new AtomicInteger();
            Progress progress = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    assertTrue(fraction >= last[0] && fraction <= 1.0, "fraction " + fraction + " after " + last[0]);
                    last[0] = fraction;
                    updates.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            WaveformDecoder.compute(file, progress);
            assertEquals(1.0, last[0]);
            assertTrue(updates.get() >= (file == mp3 ? 4 : 2), updates + " updates for " + file);
        }
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone.mp3", "-b", "64");
        byte[] bytes = Files.readAllBytes(mp3);
        Path cut = dir.resolve("cut.mp3");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(cut, "truncated");
        Path garbage = dir.resolve("garbage.mp3");
        Files.write(garbage, "this is not audio at all, only a text file that was renamed".getBytes());
        assertMessage(garbage, "not an audio file");
        assertMessage(Files.write(dir.resolve("empty.wav"), new byte[0]), "empty");
    }

    private static Mp3Stream mp3Stream(Path file) {
        try (FileBytes bytes = FileBytes.open(file)) {
            return Mp3Scanner.scan(bytes); // the mapping outlives the channel
        }
    }

    private static Mp4Layout mp4Layout(Path file) {
        try (FileBytes bytes = FileBytes.open(file)) {
            return Mp4Layout.read(bytes);
        }
    }

    private static void assertMessage(Path file, String expected) {
        EarmarkException e = assertThrows(EarmarkException.class, () -> WaveformDecoder.compute(file, Progress.NONE));
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertLinesUp(Peaks wav, Peaks other) {
        int onset = TestAudio.firstLoudBin(wav, LOUD);
        int offset = TestAudio.lastLoudBin(wav, LOUD);
        assertEquals(100, onset);
        assertEquals(199, offset);
        assertTrue(Math.abs(TestAudio.firstLoudBin(other, LOUD) - onset) <= 1,
                "onset at bin " + TestAudio.firstLoudBin(other, LOUD) + ", WAV " + onset);
        assertTrue(Math.abs(TestAudio.lastLoudBin(other, LOUD) - offset) <= 1,
                "offset at bin " + TestAudio.lastLoudBin(other, LOUD) + ", WAV " + offset);
        // lame's output itself peaks about 5% lower (ffmpeg decodes the same); AAC within 1%.
        assertTrue(Math.abs(other.max()[150] - 16384) < 1200, "tone peak " + other.max()[150]);
        assertTrue(Math.abs(other.durationMs() - wav.durationMs()) <= 30,
                "durations " + other.durationMs() + " and " + wav.durationMs());
    }
}
