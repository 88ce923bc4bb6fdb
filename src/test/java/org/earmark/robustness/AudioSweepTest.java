package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.earmark.core.Failures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Audio that cannot be used, given to {@code study init}: empty, truncated at many points, not audio at all,
 * formats Earmark does not read (FLAC, Ogg Vorbis, Opus, AIFF — made with ffmpeg and sox), and seeded damage to
 * real WAV, MP3 and M4A files. Each is refused with one line naming it, the original is never changed, and no
 * half-made study is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudioSweepTest {

    private static final long SEED = 21L;

    @TempDir
    static Path tmp;

    private Path dir;
    private final Map<String, byte[]> real = new TreeMap<>();

    /** A bad audio file: its name (with the extension it claims) and its bytes. */
    record BadAudio(String name, String fileName, java.util.function.Function<Map<String, byte[]>, byte[]> bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void makeRealAudio() throws Exception {
        dir = Files.createDirectories(tmp.resolve(Fixture.AWKWARD));
        Path wav = Fixture.wav(dir.resolve("tone.wav"), 3, 330);
        real.put("wav", Files.readAllBytes(wav));
        if (tool("ffmpeg")) {
            for (String[] f : new String[][] {{"mp3", "-codec:a", "libmp3lame", "-b:a", "32k"}, {"m4a", "-c:a", "aac"},
                {"flac", "-c:a", "flac"}, {"ogg", "-c:a", "libvorbis"}, {"opus", "-c:a", "libopus"}}) {
                Path out = dir.resolve("tone." + f[0]);
                List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", wav.toString()));
                cmd.addAll(Arrays.asList(f).subList(1, f.length));
                cmd.add(out.toString());
                String failure = SmallDisk.run(cmd.toArray(String[]::new));
                if (failure == null) {
                    real.put(f[0], Files.readAllBytes(out));
                }
            }
        }
        if (tool("sox")) {
            Path aiff = dir.resolve("tone.aiff");
            if (SmallDisk.run("sox", wav.toString(), aiff.toString()) == null) {
                real.put("aiff", Files.readAllBytes(aiff));
            }
        }
    }

    private static boolean tool(String name) throws Exception {
        boolean present = SmallDisk.run(name, name.equals("sox") ? "--version" : "-version") == null;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(name + " is not installed; .ci/run installs it");
        }
        return present;
    }

    Stream<BadAudio> badAudio() {
        List<BadAudio> out = new ArrayList<>();
        out.add(new BadAudio("empty WAV", "empty.wav", r -> new byte[0]));
        out.add(new BadAudio("empty MP3", "empty.mp3", r -> new byte[0]));
        for (int cut : new int[] {1, 3, 4, 11, 12, 20, 36, 40, 43, 44, 45, 1000}) {
            out.add(new BadAudio("WAV cut at " + cut, "cut " + cut + ".wav", r -> Arrays.copyOf(r.get("wav"), cut)));
        }
        out.add(new BadAudio("text called .wav", "notes.wav", r -> "Supervision notes, not audio\n".getBytes()));
        out.add(new BadAudio("PNG called .mp3", "picture.mp3", r -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10,
                26, 10, 0, 0, 0, 13}));
        out.add(new BadAudio("SQLite file called .m4a", "db.m4a", r -> Arrays.copyOf(
                "SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1), 4096)));
        out.add(new BadAudio("zip called .wav", "archive.wav", r -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}));
        out.add(new BadAudio("RIFF but not WAVE", "avi.wav", r -> riff("AVI ", 64)));
        out.add(new BadAudio("WAV with zero channels", "zero channels.wav", r -> patchWav(r.get("wav"), 22, (short) 0)));
        out.add(new BadAudio("WAV with sample rate 0", "rate 0.wav", r -> patchWavInt(r.get("wav"), 24, 0)));
        out.add(new BadAudio("WAV with 0 bits per sample", "bits 0.wav", r -> patchWav(r.get("wav"), 34, (short) 0)));
        out.add(new BadAudio("WAV with a negative data size", "data size.wav", r -> patchWavInt(r.get("wav"), 40, -8)));
        out.add(new BadAudio("WAV with a huge fmt chunk", "fmt size.wav", r -> patchWavInt(r.get("wav"), 16,
                Integer.MAX_VALUE)));
        out.add(new BadAudio("WAV that is not PCM", "alaw.wav", r -> patchWav(r.get("wav"), 20, (short) 6)));
        out.add(new BadAudio("random bytes", "noise.mp3", r -> {
            byte[] b = new byte[8192];
            new Random(SEED).nextBytes(b);
            return b;
        }));
        out.add(new BadAudio("MP3 frame sync then noise", "sync.mp3", r -> {
            byte[] b = new byte[8192];
            new Random(SEED + 1).nextBytes(b);
            b[0] = (byte) 0xFF;
            b[1] = (byte) 0xFB;
            return b;
        }));
        out.add(new BadAudio("an ID3 tag and nothing else", "tag only.mp3", r -> new byte[] {'I', 'D', '3', 3, 0, 0,
            0, 0, 0, 0}));
        for (String[] u : new String[][] {{"flac", "FLAC"}, {"ogg", "Ogg Vorbis"}, {"opus", "Opus"}, {"aiff", "AIFF"}}) {
            out.add(new BadAudio(u[1] + " (unsupported)", "tone " + u[0] + "." + u[0], r -> need(r, u[0])));
            out.add(new BadAudio(u[1] + " called .wav", "tone " + u[0] + ".wav", r -> need(r, u[0])));
        }
        for (String format : List.of("mp3", "m4a")) {
            for (int cut : new int[] {2, 10, 100, 400}) {
                out.add(new BadAudio(format.toUpperCase() + " cut at " + cut, "cut " + cut + "." + format,
                        r -> Arrays.copyOf(need(r, format), cut)));
            }
            out.add(new BadAudio(format.toUpperCase() + " cut in half", "half." + format,
                    r -> Arrays.copyOf(need(r, format), need(r, format).length / 2)));
        }
        return out.stream();
    }

    private static byte[] need(Map<String, byte[]> real, String format) {
        byte[] b = real.get(format);
        Assumptions.assumeTrue(b != null, "cannot make " + format + " here (ffmpeg/sox missing)");
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAudio")
    void unusableAudioIsRefusedClearly(BadAudio bad) throws Exception {
        Path audio = Files.write(dir.resolve(bad.fileName()), bad.bytes().apply(real));
        Path study = dir.resolve("study of " + bad.fileName());
        Run run = Sweep.refused(audio, initArgs(study, audio));
        assertEquals(Failures.EXIT_BAD_INPUT, run.exitCode(), run.toString());
        assertFalse(Files.exists(study), "no half-made study is left: " + run);
    }

    /** Damage that may leave a file usable (a flip in the samples) must not crash or change it either. */
    @Test
    void seededDamageToRealRecordings() throws Exception {
        Random random = new Random(SEED);
        int refused = 0;
        int usable = 0;
        for (var entry : real.entrySet()) {
            if (!List.of("wav", "mp3", "m4a").contains(entry.getKey())) {
                continue;
            }
            byte[] original = entry.getValue();
            for (int i = 0; i < 25; i++) {
                byte[] damaged = original.clone();
                // The headers: the first bytes of every format and the index at the end of an M4A.
                int at = random.nextBoolean() ? random.nextInt(Math.min(original.length, 96))
                        : original.length - 1 - random.nextInt(Math.min(original.length, 1024));
                int burst = 1 + random.nextInt(16);
                for (int k = at; k < Math.min(original.length, at + burst); k++) {
                    damaged[k] = (byte) random.nextInt(256);
                }
                Path audio = Files.write(dir.resolve("damaged " + i + "." + entry.getKey()), damaged);
                Path study = dir.resolve("study damaged " + i + " " + entry.getKey());
                Run run = Sweep.refusedOrFine(audio, List.of(audio.toString()), initArgs(study, audio));
                if (run.exitCode() == 0) {
                    usable++;
                    delete(study);
                } else {
                    refused++;
                    assertFalse(Files.exists(study), run.toString());
                }
            }
        }
        System.out.printf("damaged audio: %d refused, %d still usable%n", refused, usable);
        assertTrue(refused > 0);
    }

    @Test
    void aFolderNamedLikeAudio() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.wav"));
        Run run = Run.cli(initArgs(dir.resolve("study of a folder"), folder));
        UserSees.clearFailure(run.exitCode(), run.err(), folder.toString(), "a folder as audio");
    }

    private String[] initArgs(Path study, Path audio) throws Exception {
        Path allocation = Files.writeString(dir.resolve("allocation for " + audio.getFileName() + ".csv"),
                "file,arm\n\"" + audio.getFileName() + "\",A\n");
        return new String[] {"study", "init", study.toString(), "--name", "Audio sweep", "--codebook",
            Fixture.SHIPPED_CODEBOOK.toString(), "--allocation", allocation.toString(), audio.toString()};
    }

    private static byte[] riff(String type, int size) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(size - 8).put(type.getBytes());
        return b.array();
    }

    private static byte[] patchWav(byte[] wav, int offset, short value) {
        byte[] c = wav.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, value);
        return c;
    }

    private static byte[] patchWavInt(byte[] wav, int offset, int value) {
        byte[] c = wav.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return c;
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
