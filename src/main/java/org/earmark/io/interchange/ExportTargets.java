package org.earmark.io.interchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.earmark.core.EarmarkException;
import org.earmark.io.OutputFiles;
import org.earmark.model.Recording;

/**
 * Where an export writes: {@code --out} is a folder that gets one file per recording, named
 * {@code R-XXXX.eaf} / {@code R-XXXX.TextGrid} (the folder is made if missing, earlier exports there
 * are replaced, anything else {@link #check} refuses); or, when the coder file holds exactly one recording, {@code --out} may name the file
 * itself by ending in the format's extension.
 */
public final class ExportTargets {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ExportTargets() {
    }

    /**
     * @param extension the format's file extension with its dot, as the files get it ({@code .eaf},
     *                  {@code .TextGrid}); {@code out} is taken as a file if it ends in it, in any case
     * @param source    what the recordings come from, for messages
     */
    public static Map<Recording, Path> plan(Path out, List<Recording> recordings, String extension, Path source) {
        if (recordings.isEmpty()) {
            throw EarmarkException.badInput(source + " holds no recordings; there is nothing to export");
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        Map<Recording, Path> targets = new LinkedHashMap<>();
        if (name.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT))
                && name.length() > extension.length()) {
            if (Files.isDirectory(out)) {
                throw EarmarkException.badInput(out + " is a folder; give a file name or a folder that does"
                        + " not end in " + extension);
            }
            if (recordings.size() != 1) {
                throw EarmarkException.badInput(out + " names one file, but " + source + " holds "
                        + recordings.size() + " recordings; give a folder to get one " + extension
                        + " file per recording");
            }
            targets.put(recordings.get(0), out);
            return targets;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw EarmarkException.badInput(out + " is a file, not a folder; give a folder (one " + extension
                    + " file per recording is written there) or a file name ending in " + extension);
        }
        for (Recording r : recordings) {
            if (!SAFE_NAME.matcher(r.id()).matches()) {
                throw EarmarkException.badInput("Recording id \"" + r.id() + "\" cannot be used as a file name");
            }
            targets.put(r, out.resolve(r.id() + extension));
        }
        return targets;
    }

    /**
     * Refuses, before any file is written, a plan that would replace a folder, a study or coder file, a
     * package, a recording or {@code source} itself; earlier exports of the same kind may be replaced.
     */
    public static void check(Map<Recording, Path> targets, OutputFiles.Output output, Path source) {
        targets.values().forEach(target -> OutputFiles.checkFile(target, output, List.of(source)));
    }
}
