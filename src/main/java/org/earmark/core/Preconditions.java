package org.earmark.core;

/** Argument checks whose messages name the offending value. */
public final class Preconditions {
    private Preconditions() {
    }

    public static void checkArgument(boolean condition, String messageFormat, Object... values) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(messageFormat, values));
        }
    }

    public static <T> T checkNotNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    public static String checkNotBlank(String value, String name) {
        checkNotNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
        }
        return value;
    }
}
