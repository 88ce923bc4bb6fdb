package org.earmark.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.earmark.core.EarmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioProbeTest {

    @TempDir
    Path dir;

    @Test
    void wav() throws IOException {
        assertEquals(new AudioInfo(AudioFormat.WAV, 3000, 44100, 1),
                AudioProbe.probe(TestAudio.toneWav(dir, "tone.wav", 44100, 1)));
        assertEquals(new AudioInfo(AudioFormat.WAV, 3000, 22050, 2),
                AudioProbe.probe(TestAudio.toneWav(dir, "stereo.wav", 22050, 2)));
    }

    @Test
    void mp3LengthIsTheGaplessLength() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        AudioInfo cbr = AudioProbe.probe(TestAudio.lame(dir, wav, "cbr.mp3", "-b", "128"));
        assertEquals(new AudioInfo(AudioFormat.MP3, 3000, 44100, 1), cbr);
        AudioInfo vbr = AudioProbe.probe(TestAudio.lame(dir, wav, "vbr.mp3", "-V", "4"));
        assertEquals(3000, vbr.durationMs());
        AudioInfo stereo = AudioProbe.probe(TestAudio.ffmpeg(dir, "-i", wav.toString(), "-ac", "2", "-ar", "48000",
                "-c:a", "libmp3lame", "stereo.mp3"));
        assertEquals(new AudioInfo(AudioFormat.MP3, 3000, 48000, 2), stereo);
        // Without a LAME tag the length is within one frame of the truth.
        AudioInfo low = AudioProbe.probe(TestAudio.lame(dir, TestAudio.toneWav(dir, "t16.wav", 16000, 1), "t16.mp3",
                "-b", "32"));
        assertEquals(16000, low.sampleRate());
        assertTrue(Math.abs(low.durationMs() - 3000) <= 36, "duration " + low.durationMs());
    }

    @Test
    void m4aLengthComesFromTheMovieHeader() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        AudioInfo m4a = AudioProbe.probe(TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "aac", "tone.m4a"));
        assertEquals(AudioFormat.M4A, m4a.format());
        assertEquals(44100, m4a.sampleRate());
        assertEquals(1, m4a.channels());
        assertTrue(Math.abs(m4a.durationMs() - 3000) <= 25, "duration " + m4a.durationMs());
        AudioInfo stereo = AudioProbe.probe(TestAudio.ffmpeg(dir, "-i", wav.toString(), "-ac", "2", "-c:a", "aac",
                "stereo.mp4"));
        assertEquals(2, stereo.channels());
    }

    @Test
    void theExtensionDoesNotDecide() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone.mp3", "-b", "64");
        Path renamed = Files.copy(mp3, dir.resolve("really-an-mp3.wav"));
        assertEquals(AudioFormat.MP3, AudioProbe.probe(renamed).format());
    }

    @Test
    void unusableFilesAreRefusedByName() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone.mp3", "-b", "64");
        Path m4a = TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "aac", "tone.m4a");
        refused(Files.write(dir.resolve("empty.mp3"), new byte[0]), "empty");
        refused(cut(wav, 0.5), "truncated");
        refused(cut(wav, 30), "truncated");
        refused(cut(mp3, 0.5), "truncated");
        refused(cut(mp3, 0.997), "truncated");
        refused(cut(m4a, 0.5), "truncated");
        refused(Files.writeString(dir.resolve("notes.wav"), "Supervision notes, not a recording.\n"),
                "not an audio file (it looks like text)");
        byte[] jpeg = new byte[2000];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        refused(Files.write(dir.resolve("photo.wav"), jpeg), "JPEG image");
        refused(TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "flac", "tone.flac"), "FLAC is not supported");
        refused(TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "libvorbis", "tone.ogg"), "Ogg");
        byte[] flac = Files.readAllBytes(dir.resolve("tone.flac"));
        byte[] tagged = new byte[flac.length + 20];
        System.arraycopy(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10}, 0, tagged, 0, 10);
        System.arraycopy(flac, 0, tagged, 20, flac.length);
        refused(Files.write(dir.resolve("id3-in-front.flac"), tagged), "FLAC is not supported");
        refused(Files.createDirectory(dir.resolve("folder.wav")), "folder");
        refused(dir.resolve("missing.wav"), "not found");
    }

    @Test
    void unsupportedMessagesListTheSupportedFormats() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        EarmarkException e = refused(TestAudio.ffmpeg(dir, "-i", wav.toString(), "-c:a", "flac", "tone.flac"), "FLAC");
        assertTrue(e.getMessage().contains("WAV, MP3 and M4A"), e.getMessage());
    }

    @Test
    void probingNeverChangesTheFile() throws IOException {
        Path wav = TestAudio.toneWav(dir, "tone.wav", 44100, 1);
        Path mp3 = TestAudio.lame(dir, wav, "tone.mp3", "-b", "64", "--tt", "Title");
        for (Path file : new Path[] {wav, mp3, cut(mp3, 0.5)}) {
            byte[] before = Files.readAllBytes(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            try {
                AudioProbe.probe(file);
            } catch (EarmarkException expected) {
                // the cut file is refused; it must still be unchanged
            }
            assertTrue(Arrays.equals(before, Files.readAllBytes(file)), file.toString());
            assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        }
    }

    private Path cut(Path file, double keep) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = keep > 1 ? (int) keep : (int) (bytes.length * keep);
        String name = file.getFileName().toString();
        Path out = dir.resolve("cut-" + keep + "-" + name);
        Files.write(out, Arrays.copyOf(bytes, length));
        return out;
    }

    private static EarmarkException refused(Path file, String expected) {
        EarmarkException e = assertThrows(EarmarkException.class, () -> AudioProbe.probe(file), file.toString());
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "says '" + expected + "': " + e.getMessage());
        return e;
    }
}
