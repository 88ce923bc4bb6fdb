package org.earmark.io.interchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.core.EarmarkException;
import org.earmark.model.NewEvent;
import org.earmark.model.Recording;

/**
 * Gathers the events read from a file and every problem found on the way, so that one import
 * reports all of its problems at once and imports nothing if there is any.
 */
public final class EventCollector {

    private static final int MAX_LISTED = 20;

    private final Path file;
    private final Codebook codebook;
    private final Recording recording;
    private final ImportOptions options;
    private final List<NewEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> unknownTiers = new LinkedHashMap<>();
    private int codeTiers;

    public EventCollector(Path file, Codebook codebook, Recording recording, ImportOptions options) {
        this.file = file;
        this.codebook = codebook;
        this.recording = recording;
        this.options = options;
    }

    public Recording recording() {
        return recording;
    }

    /**
     * The code of a tier, or empty when the tier is no code: then it is skipped or, unless the options
     * say to skip such tiers, reported.
     *
     * @param where where the tier is in the file, e.g. {@code line 12}
     */
    public Optional<EventCode> codeOfTier(String tierName, String where) {
        Optional<EventCode> code = TierLayout.codeOf(tierName, codebook);
        if (code.isPresent()) {
            codeTiers++;
        } else if (!options.skipUnknownTiers()) {
            unknownTiers.putIfAbsent(tierName, where);
        }
        return code;
    }

    /** A point event at {@code ms}, checked against the recording. */
    public void point(EventCode code, long ms, String note, String where) {
        if (inRecording(ms, where)) {
            events.add(new NewEvent(recording.id(), code.id(), ms, null, note));
        }
    }

    /** A span event, checked against the recording. */
    public void span(EventCode code, long startMs, long endMs, String note, String where) {
        if (endMs < startMs) {
            problem(where, "it ends (" + Seconds.display(endMs) + ") before it starts (" + Seconds.display(startMs)
                    + ")");
        } else if (inRecording(startMs, where) && inRecording(endMs, where)) {
            events.add(new NewEvent(recording.id(), code.id(), startMs, endMs, note));
        }
    }

    public void problem(String where, String message) {
        problems.add(file + " " + where + ": " + message);
    }

    /** The events read, or a bad-input error listing every problem (then nothing is to be imported). */
    public List<NewEvent> events() {
        List<String> all = new ArrayList<>();
        if (!unknownTiers.isEmpty()) {
            List<String> names = new ArrayList<>();
            unknownTiers.forEach((name, where) -> names.add("\"" + name + "\" (" + where + ")"));
            all.add(file + ": " + (names.size() == 1 ? "tier " : "tiers ") + String.join(", ", names)
                    + (names.size() == 1 ? " is" : " are") + " not named after a code of codebook "
                    + codebook.id() + " (codes: " + String.join(", ", codebook.codes().stream().map(EventCode::id)
                            .toList()) + "). Rename the tier to a code, or skip such tiers (--skip-unknown-tiers)");
        }
        all.addAll(problems);
        if (all.isEmpty() && codeTiers == 0) {
            all.add(file + ": no tier is named after a code of codebook " + codebook.id() + " (codes: "
                    + String.join(", ", codebook.codes().stream().map(EventCode::id).toList()) + ")");
        }
        if (!all.isEmpty()) {
            List<String> listed = all.size() > MAX_LISTED ? new ArrayList<>(all.subList(0, MAX_LISTED)) : all;
            if (all.size() > MAX_LISTED) {
                listed.add("… and " + (all.size() - MAX_LISTED) + " more");
            }
            throw EarmarkException.badInput(all.size() == 1 ? all.get(0) + ". Nothing was imported."
                    : all.size() + " problems; nothing was imported:\n  " + String.join("\n  ", listed));
        }
        return List.copyOf(events);
    }

    private boolean inRecording(long ms, String where) {
        if (ms < 0) {
            problem(where, "time " + Seconds.display(ms) + " is before the start of the recording");
            return false;
        }
        if (recording.durationMs() != null && ms > recording.durationMs()) {
            problem(where, "time " + Seconds.display(ms) + " is past the end of " + recording.id() + " ("
                    + Seconds.display(recording.durationMs()) + ")");
            return false;
        }
        return true;
    }
}
