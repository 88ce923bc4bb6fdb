package org.earmark.model;

import java.time.Instant;

/** One line of a file's audit log: who did what, and when. */
public record AuditEntry(long seq, Instant at, String actor, String action, String detail) {
}
