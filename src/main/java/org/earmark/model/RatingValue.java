package org.earmark.model;

import java.time.Instant;

/** A coder's global rating of a recording; {@code value} is null when the coder cleared it. */
public record RatingValue(String recordingId, String scaleId, Integer value, Instant updatedAt) {
}
