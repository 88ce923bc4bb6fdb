package org.earmark.session;

/**
 * What an undoable step did, in words the UI can look up: {@code action} is one of {@code tag},
 * {@code span-start}, {@code span-stop}, {@code move}, {@code recode}, {@code note}, {@code delete}
 * or {@code rate}; {@code subject} names the code (or rating) it touched and {@code atMs} where.
 */
public record Step(String action, String subject, long atMs) {
}
