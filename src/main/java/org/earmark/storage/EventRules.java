package org.earmark.storage;

import org.earmark.codebook.CodeKind;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.EventCode;
import org.earmark.core.EarmarkException;
import org.earmark.model.Recording;

/** What an event must be before a coder file takes it: a code of the file's codebook, of the right kind, in time. */
final class EventRules {

    private EventRules() {
    }

    static void check(Codebook codebook, Recording recording, String codeId, long startMs, Long endMs) {
        EventCode code = codebook.code(codeId).orElseThrow(() -> EarmarkException.badInput(
                "Unknown code \"" + codeId + "\": the codebook " + codebook.id() + " has "
                        + codebook.codes().stream().map(EventCode::id).toList()));
        if (code.kind() == CodeKind.SPAN && endMs == null) {
            throw EarmarkException.badInput("Code " + codeId + " is a span code: give an end time");
        }
        if (code.kind() == CodeKind.POINT && endMs != null) {
            throw EarmarkException.badInput("Code " + codeId + " is a point code: it takes no end time");
        }
        long last = endMs == null ? startMs : endMs;
        if (recording.durationMs() != null && last > recording.durationMs()) {
            throw EarmarkException.badInput(String.format("Time %.3f s is past the end of %s (%.3f s)",
                    last / 1000.0, recording.id(), recording.durationMs() / 1000.0));
        }
    }
}
