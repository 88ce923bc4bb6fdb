package org.earmark.ui.study;

/**
 * One line of the coders table.
 *
 * @param lastMerge when the coder's file was last merged, as shown, or {@code null} when never
 */
public record CoderRow(String coder, int assigned, boolean packageSent, String lastMerge, int done) {
}
