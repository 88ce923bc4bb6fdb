package org.earmark.io.interchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.earmark.core.EarmarkException;
import org.earmark.model.Recording;

/**
 * Which recording an imported file belongs to: the one chosen in the options; otherwise the one
 * whose id is the file's name without its extension ({@code R-7Q3K.eaf}); otherwise the one whose
 * audio file the file links to (ELAN's media URLs). A file name and a media link that name two
 * different recordings are refused rather than guessed between, as is a file whose Earmark header names a recording
 * other than the one its name or media link gives, or one the coder file does not have.
 */
public final class RecordingMatcher {

    private RecordingMatcher() {
    }

    /** @param declared the recording the file itself says it is the coding of (Earmark's ELAN export), or null */
    public static Recording match(List<Recording> recordings, Path file, List<String> mediaUrls, String declared,
            ImportOptions options) {
        if (options.recordingId() != null) {
            return recordings.stream().filter(r -> r.id().equals(options.recordingId())).findFirst()
                    .orElseThrow(() -> EarmarkException.badInput("There is no recording " + options.recordingId()
                            + " in the coder file; it has " + ids(recordings)));
        }
        Optional<Recording> byName = byFileName(recordings, file);
        Optional<Recording> byMedia = mediaUrls.stream().map(RecordingMatcher::lastSegment).filter(Objects::nonNull)
                .flatMap(media -> recordings.stream().filter(r -> linksTo(r, media))).findFirst();
        if (byName.isPresent() && byMedia.isPresent() && !byName.get().equals(byMedia.get())) {
            throw EarmarkException.badInput(file + ": its name says recording " + byName.get().id()
                    + " but its media file is the audio of " + byMedia.get().id()
                    + "; choose the recording explicitly (--recording)");
        }
        Optional<Recording> found = byName.or(() -> byMedia);
        if (declared != null && !declared.isEmpty()) {
            Optional<Recording> byHeader = recordings.stream().filter(r -> r.id().equals(declared)).findFirst();
            if (byHeader.isEmpty()) {
                throw EarmarkException.badInput(file + ": it says it is the coding of recording " + declared
                        + ", which this coder file does not have (it has " + ids(recordings) + "). Nothing was"
                        + " imported; choose the recording explicitly (--recording) if it is right all the same.");
            }
            if (found.isPresent() && !found.get().equals(byHeader.get())) {
                throw EarmarkException.badInput(file + ": it says it is the coding of recording " + declared
                        + " but its " + (byName.isPresent() ? "name" : "media file") + " gives " + found.get().id()
                        + "; choose the recording explicitly (--recording)");
            }
            return byHeader.get();
        }
        return found.orElseThrow(() -> EarmarkException.badInput(file
                + ": cannot tell which recording this is: the file name is not a recording id"
                + (mediaUrls.isEmpty() ? "" : " and its media file (" + String.join(", ", mediaUrls)
                        + ") is none of the coder file's audio")
                + ". The coder file has " + ids(recordings) + "; name the file after one of them (e.g. "
                + recordings.get(0).id() + extension(file) + ") or choose the recording (--recording)"));
    }

    private static Optional<Recording> byFileName(List<Recording> recordings, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return recordings.stream().filter(r -> r.id().equals(base)).findFirst();
    }

    private static boolean linksTo(Recording r, String mediaName) {
        if (r.audioFile() != null) {
            Path audio = Path.of(r.audioFile().replace('\\', '/')).getFileName();
            if (audio != null && audio.toString().equals(mediaName)) {
                return true;
            }
        }
        int dot = mediaName.lastIndexOf('.');
        return (dot > 0 ? mediaName.substring(0, dot) : mediaName).equals(r.id());
    }

    /** The file name at the end of a URL or path, percent-decoded; {@code null} if there is none. */
    static String lastSegment(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String path;
        try {
            URI uri = new URI(url.strip());
            path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        } catch (URISyntaxException notAUri) {
            path = url.strip();
        }
        if (path == null) {
            return null;
        }
        path = path.replace('\\', '/');
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : last;
    }

    private static String ids(List<Recording> recordings) {
        return String.join(", ", recordings.stream().map(Recording::id).toList());
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
