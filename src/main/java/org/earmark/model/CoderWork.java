package org.earmark.model;

import java.util.List;

/**
 * Everything a coder file holds that a merge takes in: who coded, for which study and codebook,
 * and every event (tombstones included), rating and status with its last-change time.
 *
 * @param fileId      the coder file's own id (stays the same across copies of one file)
 * @param lastChange  ISO time of the last recorded action, to tell copies apart in reports
 */
public record CoderWork(String fileId, String studyId, String coder, String codebookHash, String lastChange,
        List<Recording> recordings, List<Event> events, List<RatingValue> ratings, List<StatusValue> statuses) {

    public CoderWork {
        recordings = List.copyOf(recordings);
        events = List.copyOf(events);
        ratings = List.copyOf(ratings);
        statuses = List.copyOf(statuses);
    }
}
