package org.earmark.ui.adjudication;

/** One line of the disagreements list, formatted as shown. */
public record ItemRow(int number, String time, String kind, String a, String b, String decision) {
}
