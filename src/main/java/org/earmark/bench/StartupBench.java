package org.earmark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * App start to first painted frame: starts the desktop app in a child JVM (same Java, same class
 * path) with a fresh data folder and reads the time it prints when its first frame is rendered.
 * Needs a display (run under {@code xvfb-run} on a server).
 */
final class StartupBench {

    private StartupBench() {
    }

    /** Milliseconds from JVM start to the first frame, or -1 when there is no display to show a window on. */
    static long firstFrameMillis() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).matches(".*(win|mac).*")) {
            return -1;
        }
        Path home = Files.createTempDirectory("earmark-start-bench");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dearmark.bench.firstFrame=true",
                "-Dearmark.home=" + home, "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), "org.earmark.Launcher"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the app did not start within 60 s");
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("first-frame-ms ")) {
                return Long.parseLong(line.substring("first-frame-ms ".length()).strip());
            }
        }
        throw new IOException("the app started but reported no frame:\n" + out);
    }
}
