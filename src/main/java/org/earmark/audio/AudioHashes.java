package org.earmark.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes that let a merge check it is talking about the same recording. */
public final class AudioHashes {

    private AudioHashes() {
    }

    /** The SHA-256 of the file's bytes in lower-case hex, read as a stream (a 90-minute WAV never sits in memory). */
    public static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw AudioErrors.readFailed(file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
