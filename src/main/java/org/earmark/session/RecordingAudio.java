package org.earmark.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.earmark.core.Progress;
import org.earmark.model.Recording;

/**
 * Finds a recording's audio beside its coder file and checks it is the file the coder file was made
 * for (same sha256). A file once checked is not hashed again while it is unchanged (same size and
 * modification time), so switching back to a recording is instant.
 */
public final class RecordingAudio {

    /** What stands between the coder and hearing the recording. */
    public enum Problem { NONE, NOT_LISTED, MISSING, UNREADABLE, CHECKSUM }

    /**
     * @param path   where the audio is (or would be); {@code null} when the coder file names none
     * @param sha256 the digest of the file found, or {@code null} when it could not be read
     */
    public record Located(Path path, Problem problem, String sha256) {
        public boolean playable() {
            return problem == Problem.NONE;
        }
    }

    private record Stamp(Path path, long size, long modified) {
    }

    private final Map<Stamp, String> digests = new ConcurrentHashMap<>();

    public Located locate(Path coderFile, Recording recording, Progress progress) {
        if (recording.audioFile() == null || recording.audioFile().isBlank()) {
            return new Located(null, Problem.NOT_LISTED, null);
        }
        Path dir = coderFile.toAbsolutePath().getParent();
        Path audio = dir.resolve(recording.audioFile()).normalize();
        if (!Files.isRegularFile(audio)) {
            return new Located(audio, Problem.MISSING, null);
        }
        String digest;
        try {
            BasicFileAttributes a = Files.readAttributes(audio, BasicFileAttributes.class);
            Stamp stamp = new Stamp(audio, a.size(), a.lastModifiedTime().toMillis());
            digest = digests.get(stamp);
            if (digest == null) {
                digest = sha256(audio, progress);
                digests.put(stamp, digest);
            }
        } catch (AccessDeniedException e) {
            return new Located(audio, Problem.UNREADABLE, null);
        } catch (IOException e) {
            return new Located(audio, Problem.UNREADABLE, null);
        }
        if (recording.sha256() != null && !recording.sha256().equalsIgnoreCase(digest)) {
            return new Located(audio, Problem.CHECKSUM, digest);
        }
        return new Located(audio, Problem.NONE, digest);
    }

    /** The file's sha256 as lowercase hex; reports progress and stops when cancelled. */
    public static String sha256(Path file, Progress progress) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        long size = Math.max(1, Files.size(file));
        long done = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                done += n;
                if ((done & ((1 << 22) - 1)) < n) {
                    progress.checkCancelled();
                    progress.update(done / (double) size, null);
                }
            }
        }
        progress.update(1, null);
        return HexFormat.of().formatHex(md.digest());
    }
}
