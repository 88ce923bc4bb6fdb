package org.earmark.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code earmark} (or another main class) as a child JVM with the test classpath, tuned to start fast:
 * the crash loop starts a hundred of them. Native SQLite libraries are unpacked into {@code scratch}, since a
 * killed JVM never deletes its copy from /tmp.
 */
final class Child {

    private Child() {
    }

    static ProcessBuilder earmark(Path scratch, List<String> args) throws IOException {
        return java(scratch, "org.earmark.Launcher", args);
    }

    static ProcessBuilder java(Path scratch, String mainClass, List<String> args) throws IOException {
        Path natives = Files.createDirectories(scratch.resolve("sqlite-natives"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xss1m",
                "-Djava.awt.headless=true", "-Dorg.sqlite.tmpdir=" + natives,
                "-Dslf4j.internal.verbosity=ERROR", // slf4j is on the test classpath only (archunit)
                "-Dearmark.home=" + scratch.resolve("earmark-home"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LANG", "C.UTF-8"); // non-ASCII paths need a UTF-8 locale, as on any desktop
        pb.environment().remove("LC_ALL");
        return pb;
    }
}
