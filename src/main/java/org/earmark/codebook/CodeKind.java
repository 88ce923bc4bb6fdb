package org.earmark.codebook;

/** Whether a code marks a moment or a stretch of time. */
public enum CodeKind {
    POINT, SPAN;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
