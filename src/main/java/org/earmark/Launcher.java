package org.earmark;

import org.earmark.cli.Cli;

/**
 * Entry point. Decides between the command line and the desktop app before any JavaFX class is
 * loaded, so the command line works on machines without a display or JavaFX natives.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.earmark.ui.DesktopApp.launchApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
