package org.earmark.codebook;

import static org.earmark.core.Preconditions.checkNotBlank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated codebook: what coders tag, the global ratings they give, and the fidelity metrics
 * computed from them. Built only by {@link CodebookLoader}, which guarantees the cross-references hold.
 *
 * @param hash   canonical content hash ({@code sha256:…}); whitespace and key order do not change it
 * @param source the JSON exactly as loaded, stored whole in coder and study files
 */
public record Codebook(String id, String version, String title, List<EventCode> codes, List<RatingScale> ratings,
        List<FidelityMetric> metrics, String hash, String source) {

    public Codebook {
        checkNotBlank(id, "codebook id");
        checkNotBlank(version, "codebook version");
        codes = List.copyOf(codes);
        ratings = List.copyOf(ratings);
        metrics = List.copyOf(metrics);
        checkNotBlank(hash, "codebook hash");
    }

    public Optional<EventCode> code(String codeId) {
        for (EventCode c : codes) { // a plain loop: this runs for every event of a study
            if (c.id().equals(codeId)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<EventCode> codeForHotkey(Hotkey key) {
        return codes.stream().filter(c -> c.hotkey().equals(key)).findFirst();
    }

    public Optional<RatingScale> rating(String ratingId) {
        return ratings.stream().filter(r -> r.id().equals(ratingId)).findFirst();
    }

    /** Code groups in first-seen order, each with its codes. */
    public Map<String, List<EventCode>> groups() {
        Map<String, List<EventCode>> groups = new LinkedHashMap<>();
        for (EventCode code : codes) {
            code.groupId().ifPresent(g -> groups.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(code));
        }
        return groups;
    }

    /** The first 12 hex digits of the hash, enough to tell codebooks apart on screen. */
    public String shortHash() {
        return hash.substring(hash.indexOf(':') + 1, hash.indexOf(':') + 13);
    }

    @Override
    public String toString() {
        return id + " " + version + " (" + shortHash() + ")";
    }
}
