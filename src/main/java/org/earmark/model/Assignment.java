package org.earmark.model;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;

/**
 * Which coder codes which recording, and where it comes in that coder's order.
 *
 * @param role {@code primary} (everyone's recordings), {@code second} (double-coded), or {@code consensus}
 */
public record Assignment(String recordingId, String coder, int position, String role) {
    public Assignment {
        checkNotBlank(recordingId, "recording id");
        checkNotBlank(coder, "coder");
        checkArgument(position >= 0, "position must be >= 0, was %d", position);
        checkArgument(role.equals("primary") || role.equals("second") || role.equals("consensus"),
                "role must be primary, second or consensus, was '%s'", role);
    }
}
