package org.earmark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.earmark.core.EarmarkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code earmark open FILE}: the desktop app, opened on a coder file. */
@Command(name = "open", description = "Open a coder file in the desktop app.")
final class OpenCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An Earmark coder file (.earmark).")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw EarmarkException.badInput("File not found: " + file);
        }
        org.earmark.ui.DesktopApp.launchApp(new String[] {file.toAbsolutePath().toString()});
        return 0;
    }
}
