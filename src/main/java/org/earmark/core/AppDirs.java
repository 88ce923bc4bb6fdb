package org.earmark.core;

import java.nio.file.Path;
import java.util.Locale;

/** Where Earmark keeps its own files (the demo, settings, backups), by each platform's convention. */
public final class AppDirs {
    private AppDirs() {
    }

    /** Overridable with {@code -Dearmark.home=DIR}, for tests and portable installs. */
    public static Path dataHome() {
        String override = System.getProperty("earmark.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve("Earmark");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Earmark");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve("earmark");
    }
}
