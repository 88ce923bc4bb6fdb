package org.earmark.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The one place that turns an exception into what the user is told and the exit code. */
public final class Failures {

    public static final int EXIT_OK = 0;
    /** A check ran and found problems (for example {@code codebook check}). */
    public static final int EXIT_PROBLEMS_FOUND = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_UNUSABLE_FILE = 3;
    public static final int EXIT_FILE_IN_USE = 4;
    public static final int EXIT_IO = 5;
    /** A bug: something we did not expect (sysexits EX_SOFTWARE). */
    public static final int EXIT_INTERNAL = 70;

    /** What to show for a failure: a one-line message, whether it is a bug, and the exit code. */
    public record Failure(String message, int exitCode, boolean unexpected) {
    }

    private Failures() {
    }

    public static Failure describe(Throwable error) {
        Failure f = describeWhole(error);
        return new Failure(abbreviate(f.message()), f.exitCode(), f.unexpected());
    }

    /** Longest line of a message shown to a user; a value echoed from a bad input can be megabytes long. */
    public static final int MAX_LINE = 1000;
    /** Most lines of a message shown to a user (a CSV with a problem on each of 100,000 lines). */
    public static final int MAX_LINES = 40;

    /** Each line of {@code message} cut to {@link #MAX_LINE} characters, keeping its start (the file) and its end. */
    public static String abbreviate(String message) {
        if (message == null || message.length() <= MAX_LINE && message.indexOf('\n') < 0) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            if (i == MAX_LINES - 1 && lines.length > MAX_LINES) {
                out.append("  … and ").append(lines.length - i).append(" more lines");
                break;
            }
            if (line.length() <= MAX_LINE) {
                out.append(line);
            } else {
                int head = MAX_LINE * 3 / 4;
                int tail = MAX_LINE / 5;
                out.append(line, 0, head).append(" … [").append(line.length() - head - tail)
                        .append(" characters left out] … ").append(line, line.length() - tail, line.length());
            }
        }
        return out.toString();
    }

    private static Failure describeWhole(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof EarmarkException e) {
            return new Failure(e.getMessage(), exitCode(e.kind()), false);
        }
        if (t instanceof NoSuchFileException e) {
            return new Failure("File not found: " + e.getFile(), EXIT_BAD_INPUT, false);
        }
        if (t instanceof AccessDeniedException e) {
            return new Failure("Permission denied: " + e.getFile(), EXIT_IO, false);
        }
        if (t instanceof IOException e) {
            return new Failure("Could not read or write a file: " + e.getMessage(), EXIT_IO, false);
        }
        return new Failure("Unexpected error (" + t.getClass().getSimpleName() + "): " + t.getMessage()
                + ". This is a bug in Earmark; please report it with the output of --debug.", EXIT_INTERNAL, true);
    }

    private static int exitCode(EarmarkException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> EXIT_BAD_INPUT;
            case UNUSABLE_FILE -> EXIT_UNUSABLE_FILE;
            case FILE_IN_USE -> EXIT_FILE_IN_USE;
            case IO -> EXIT_IO;
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof UncheckedIOException || t.getClass() == RuntimeException.class
                || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
