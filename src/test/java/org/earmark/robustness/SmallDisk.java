package org.earmark.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tiny disk of its own (a tmpfs), to fill up or to make read-only — which even root cannot write to. Mounting
 * needs root (CI runs as root); elsewhere the tests that need it are skipped, saying why.
 */
final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    static SmallDisk mount(Path dir, String size) throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"),
                "a small disk is a Linux tmpfs; skipped on " + System.getProperty("os.name"));
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0777", "tmpfs", dir.toString());
        Assumptions.assumeTrue(failure == null, "cannot mount a " + size + " tmpfs (needs root, as in CI): " + failure);
        return new SmallDisk(dir);
    }

    Path dir() {
        return dir;
    }

    /** From now on nobody, root included, can write to it (EROFS), like a CD or a write-protected stick. */
    void remountReadOnly() throws Exception {
        String failure = run("mount", "-o", "remount,ro", dir.toString());
        if (failure != null) {
            throw new IllegalStateException("cannot remount " + dir + " read-only: " + failure);
        }
    }

    @Override
    public void close() throws Exception {
        if (run("umount", dir.toString()) != null) {
            run("umount", "-l", dir.toString());
        }
    }

    /** Runs a command; null if it worked, else what it said. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
    }
}
