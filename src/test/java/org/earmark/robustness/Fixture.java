package org.earmark.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;
import org.earmark.study.PackageOpener;

/**
 * A small real study made through the command line — three recordings, two coders who both code everything,
 * one package unpacked and coded — in a folder whose path has spaces, accents, CJK and an emoji, so every
 * case of the sweep also runs on such a path.
 */
record Fixture(Path root, Path studyDir, Path coderFile, List<Path> audio, Path allocation, Path codebook) {

    /** The awkward part of every path the sweep uses. */
    static final String AWKWARD = "dossier é 中文 😀";
    static final Path SHIPPED_CODEBOOK = Path.of("codebook/outcomes-focused-supervision.json");

    static Fixture build(Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(AWKWARD));
        Path originals = Files.createDirectories(root.resolve("originals"));
        List<Path> audio = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            audio.add(wav(originals.resolve("session " + (i + 1) + " é.wav"), 2, 220 + 110 * i));
        }
        Path allocation = Files.writeString(originals.resolve("allocation é.csv"),
                "file,arm\nsession 1 é.wav,A\nsession 2 é.wav,B\nsession 3 é.wav,A\n");
        Path codebook = Files.copy(SHIPPED_CODEBOOK, root.resolve("codebook é.json"));
        Path studyDir = root.resolve("study 中文");
        List<String> init = new ArrayList<>(List.of("study", "init", studyDir.toString(), "--name", "Sweep",
                "--codebook", codebook.toString(), "--allocation", allocation.toString()));
        audio.forEach(a -> init.add(a.toString()));
        ok(Run.cli(init.toArray(String[]::new)));
        ok(Run.cli("study", "assign", studyDir.toString(), "--coders", "ann,bob", "--double-code", "1", "--seed", "3"));
        Path pkg = root.resolve("ann package.zip");
        ok(Run.cli("study", "package", studyDir.toString(), "--coder", "ann", "--out", pkg.toString()));
        Path coderFile = PackageOpener.unpack(pkg, root.resolve("ann's laptop 😀"));
        try (CoderFile f = CoderFile.open(coderFile)) {
            for (var r : f.recordings()) {
                for (int i = 0; i < 12; i++) {
                    f.add(new NewEvent(r.id(), i % 2 == 0 ? "OFQ" : "TASK", 100L * i, null, "note é 中文 " + i));
                }
            }
        }
        ok(Run.cli("study", "merge", studyDir.toString(), coderFile.toString()));
        return new Fixture(root, studyDir, coderFile, audio, allocation, codebook);
    }

    Path studyFile() {
        return studyDir.resolve("study.earmark-study");
    }

    private static void ok(Run run) {
        assertEquals(0, run.exitCode(), run.toString());
    }

    /** A mono 16 kHz 16-bit WAV of a sine tone. */
    static Path wav(Path file, int seconds, double hz) throws IOException {
        int rate = 16_000;
        int samples = rate * seconds;
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (8000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes()).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.write(header.array());
            d.write(data.array());
        }
        return Files.write(file, out.toByteArray());
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
