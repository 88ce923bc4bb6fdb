package org.earmark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashesTest {

    @TempDir
    Path dir;

    @Test
    void knownDigests() throws IOException {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Hashes.sha256(Files.writeString(dir.resolve("abc"), "abc")));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Hashes.sha256(Files.write(dir.resolve("empty"), new byte[0])));
    }

    @Test
    void largerThanTheBuffer() throws IOException {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big"), bytes);
        String expected = java.util.HexFormat.of().formatHex(sha256(bytes));
        assertEquals(expected, Hashes.sha256(file));
    }

    @Test
    void missingFileIsBadInput() {
        EarmarkException e = assertThrows(EarmarkException.class, () -> Hashes.sha256(dir.resolve("gone.mp3")));
        assertEquals(EarmarkException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("gone.mp3"), e.getMessage());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
