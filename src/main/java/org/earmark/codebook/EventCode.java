package org.earmark.codebook;

import static org.earmark.core.Preconditions.checkNotBlank;
import static org.earmark.core.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * One code a coder can tag on the timeline.
 *
 * @param group id of the code group, or {@code null} when the code belongs to none
 */
public record EventCode(String id, String label, String definition, List<String> includeExamples,
        List<String> excludeExamples, Hotkey hotkey, String colour, CodeKind kind, String group) {

    public EventCode {
        checkNotBlank(id, "code id");
        checkNotBlank(label, "label of code " + id);
        checkNotNull(definition, "definition of code " + id);
        includeExamples = List.copyOf(includeExamples);
        excludeExamples = List.copyOf(excludeExamples);
        checkNotNull(hotkey, "hotkey of code " + id);
        checkNotNull(colour, "colour of code " + id);
        checkNotNull(kind, "kind of code " + id);
    }

    public Optional<String> groupId() {
        return Optional.ofNullable(group);
    }
}
