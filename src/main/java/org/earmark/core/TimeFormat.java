package org.earmark.core;

/** Times as coders read them: 62:10 for a duration, 12:02.4 for a moment on the timeline. */
public final class TimeFormat {
    private TimeFormat() {
    }

    /** Whole seconds as m:ss, or h:mm:ss from an hour on. */
    public static String duration(long ms) {
        long s = Math.max(0, ms) / 1000;
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    /** A moment to a tenth of a second: mm:ss.t (minutes keep counting past 60, as in a media player). */
    public static String moment(long ms) {
        long tenths = Math.max(0, ms) / 100;
        return String.format("%02d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
