package org.earmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.earmark.cli.Cli;

/**
 * Entry point. Decides between the command line and the desktop app before any JavaFX class is
 * loaded, so the command line works on machines without a display or JavaFX natives.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && opensInTheApp(args[0]))) {
            // No arguments: the app (on the demo or the last file); one Earmark file, as a
            // double-click in a file manager passes it: the app on that file.
            org.earmark.ui.DesktopApp.launchApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    static boolean opensInTheApp(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        return (name.endsWith(".earmark") || name.endsWith(".earmark-package") || name.endsWith(".zip")) && Files.isRegularFile(Path.of(arg));
    }
}
