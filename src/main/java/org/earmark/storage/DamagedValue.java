package org.earmark.storage;

import java.time.DateTimeException;
import java.util.function.Supplier;

/**
 * A value read from a file that cannot be what Earmark wrote (an id that is not a UUID, a time that is not a
 * time): damage SQLite's own check cannot see. {@link Database} turns it into a message naming the file.
 */
final class DamagedValue extends RuntimeException {

    DamagedValue(String message, Throwable cause) {
        super(message, cause);
    }

    /** Builds a value from a row's fields; a field that is not what Earmark stores means damage, not a bug. */
    static <T> T of(String what, Supplier<T> build) {
        return of(() -> what, build);
    }

    /** As {@link #of(String, Supplier)}, naming the value only when it is damaged: for paths run per row. */
    static <T> T of(Supplier<String> what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
            throw new DamagedValue(what.get() + " cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
