package org.earmark.io.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.storage.CoderFile;

/**
 * What an import adds to a coder file: the events it does not hold already. Importing the same ELAN, Praat or CSV
 * file twice (a second try after an interruption, or a file sent twice) doubled every count it touched; an event
 * already there — same recording, code, start, end and note as a live one — is left out and counted instead.
 *
 * @param added   the events to add, in the file's order
 * @param present how many of the file's events the coder file already holds
 */
public record ImportPlan(List<NewEvent> added, int present) {

    public ImportPlan {
        added = List.copyOf(added);
    }

    public static ImportPlan of(CoderFile file, List<NewEvent> incoming) {
        Map<String, Set<NewEvent>> existing = new HashMap<>();
        List<NewEvent> added = new ArrayList<>();
        int present = 0;
        for (NewEvent e : incoming) {
            Set<NewEvent> live = existing.computeIfAbsent(e.recordingId(), r -> asNew(file.events(r)));
            if (live.contains(e)) {
                present++;
            } else {
                added.add(e);
            }
        }
        return new ImportPlan(added, present);
    }

    private static Set<NewEvent> asNew(List<Event> events) {
        Set<NewEvent> out = new HashSet<>();
        for (Event e : events) {
            out.add(new NewEvent(e.recordingId(), e.code(), e.startMs(), e.endMs(), e.note()));
        }
        return out;
    }
}
