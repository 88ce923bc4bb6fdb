package org.earmark.io.elan;

import java.nio.file.Path;
import java.util.List;

/**
 * What Earmark reads from an ELAN file: the media it links to and its tiers with their annotations,
 * each with the line it is on for messages.
 *
 * @param timeUnits the header's {@code TIME_UNITS} ({@code milliseconds} when not given)
 * @param mediaUrls each {@code MEDIA_DESCRIPTOR}'s {@code MEDIA_URL} and {@code RELATIVE_MEDIA_URL}
 * @param declaredRecording the recording Earmark's export named in the header ({@code earmark:recording}), or
 *                          {@code null} for a file from elsewhere
 */
public record EafFile(Path file, String timeUnits, List<String> mediaUrls, List<Tier> tiers,
        String declaredRecording) {

    public EafFile {
        mediaUrls = List.copyOf(mediaUrls);
        tiers = List.copyOf(tiers);
    }

    /** @param parentRef the parent tier of a dependent tier, or {@code null} */
    public record Tier(String id, String parentRef, String linguisticTypeRef, List<Annotation> annotations,
            int line) {
        public Tier {
            annotations = List.copyOf(annotations);
        }
    }

    /**
     * An annotation. A time-aligned one has its times from its time slots, {@code null} where a slot is
     * unaligned (has no time value); a reference annotation (on a dependent tier) has none.
     */
    public record Annotation(String id, boolean timeAligned, Long startMs, Long endMs, String value, int line) {
    }
}
