package org.earmark.ui.adjudication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earmark.model.Event;
import org.earmark.model.StudyRecording;
import org.earmark.storage.StudyFile;

/** A recording's coding as read from the study: who coded it, their events and ratings, by coder. */
record Loaded(StudyRecording recording, List<String> coders, Map<String, List<Event>> events,
        Map<String, Map<String, Integer>> ratings) {

    /** As it stands once the lead's consensus was saved: what the next comparison counts as the earlier one. */
    Loaded withConsensus(List<Event> consensusEvents, Map<String, Integer> consensusRatings) {
        Map<String, List<Event>> nowEvents = new HashMap<>(events);
        nowEvents.put(StudyFile.CONSENSUS, consensusEvents);
        Map<String, Map<String, Integer>> nowRatings = new HashMap<>(ratings);
        nowRatings.put(StudyFile.CONSENSUS, consensusRatings);
        return new Loaded(recording, coders, nowEvents, nowRatings);
    }
}
