package org.earmark.core;

import java.util.Objects;

/**
 * An expected failure with a message a researcher can act on. Anything else that escapes is a bug.
 * The {@link Kind} decides the command line's exit code in one place ({@link Failures}).
 */
public class EarmarkException extends RuntimeException {

    /** What went wrong, coarse enough to choose an exit code and a dialog title. */
    public enum Kind {
        /** A file, argument or value the user gave is not acceptable (exit 2). */
        BAD_INPUT,
        /** A file cannot be used as an Earmark file: not ours, corrupt, truncated, too new (exit 3). */
        UNUSABLE_FILE,
        /** The file is open in another Earmark window or process (exit 4). */
        FILE_IN_USE,
        /** Reading or writing the disk failed (exit 5). */
        IO
    }

    private final Kind kind;

    public EarmarkException(Kind kind, String message) {
        this(kind, message, null);
    }

    public EarmarkException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public static EarmarkException badInput(String message) {
        return new EarmarkException(Kind.BAD_INPUT, message);
    }

    public Kind kind() {
        return kind;
    }
}
