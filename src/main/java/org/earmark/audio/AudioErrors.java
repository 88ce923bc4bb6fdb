package org.earmark.audio;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.earmark.core.EarmarkException;
import org.earmark.core.EarmarkException.Kind;

/** The messages for audio files we cannot use. Each names the file and says what is wrong with it. */
final class AudioErrors {

    private AudioErrors() {
    }

    static EarmarkException empty(Path file) {
        return EarmarkException.badInput("Cannot use " + file + ": the file is empty (0 bytes).");
    }

    static EarmarkException truncated(Path file, String detail) {
        return EarmarkException.badInput("Cannot use " + file + ": it is truncated (" + detail
                + "). Was it copied completely?");
    }

    static EarmarkException notAudio(Path file, String looksLike) {
        return EarmarkException.badInput("Cannot use " + file + ": it is not an audio file (" + looksLike
                + "). Supported formats are " + AudioFormat.SUPPORTED + ".");
    }

    static EarmarkException unsupported(Path file, String what) {
        return EarmarkException.badInput("Cannot use " + file + ": " + what + " is not supported. Supported formats are "
                + AudioFormat.SUPPORTED + "; convert the recording to one of them.");
    }

    static EarmarkException damaged(Path file, AudioFormat format, String detail) {
        return EarmarkException.badInput("Cannot use " + file + ": it is not a valid " + format.displayName() + " file ("
                + detail + ").");
    }

    static EarmarkException readFailed(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new EarmarkException(Kind.BAD_INPUT, "File not found: " + file, e);
        }
        return new EarmarkException(Kind.IO, "Could not read " + file + ": " + e.getMessage(), e);
    }

}
