package org.earmark.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.fidelity.FidelityScores;
import org.earmark.model.StudyRecording;

/** Every codebook metric for every recording, from the consensus, a chosen coder, or the default source. */
public final class FidelityTable {

    /** One recording's scores and whose coding they come from ({@code consensus} or {@code coder:NAME}). */
    public record Row(String recording, String source, long durationMs, Map<String, Double> metrics) {
    }

    private FidelityTable() {
    }

    /**
     * @param source {@code null} for the default (consensus where it exists, else the single or first
     *               assigned coder), {@code "consensus"}, or {@code "coder:NAME"}
     */
    public static List<Row> compute(StudyData data, String source) {
        String onlyCoder = parse(source, data);
        List<Row> rows = new ArrayList<>();
        for (StudyRecording r : data.recordings().values()) {
            String coder = onlyCoder != null ? onlyCoder : defaultCoder(data, r.id());
            if (coder == null) {
                continue;
            }
            boolean hasWork = !data.events(r.id(), coder).isEmpty() || !data.ratings(r.id(), coder).isEmpty();
            boolean assigned = data.assignments().stream().anyMatch(a -> a.recordingId().equals(r.id())
                    && a.coder().equals(coder));
            if (!hasWork && !assigned) {
                continue;
            }
            Map<String, Double> scores = FidelityScores.evaluate(data.codebook(), r.durationMs(),
                    data.events(r.id(), coder), data.ratings(r.id(), coder));
            rows.add(new Row(r.id(), coder.equals(StudyData.CONSENSUS) ? StudyData.CONSENSUS : "coder:" + coder,
                    r.durationMs(), scores));
        }
        return rows;
    }

    private static String defaultCoder(StudyData data, String recordingId) {
        if (data.events().getOrDefault(recordingId, Map.of()).containsKey(StudyData.CONSENSUS)) {
            return StudyData.CONSENSUS;
        }
        List<String> assigned = data.assignments().stream()
                .filter(a -> a.recordingId().equals(recordingId) && a.role().equals("primary"))
                .map(a -> a.coder()).toList();
        if (!assigned.isEmpty()) {
            return assigned.get(0);
        }
        List<String> withWork = data.codersWithWork(recordingId);
        return withWork.isEmpty() ? null : withWork.get(0);
    }

    private static String parse(String source, StudyData data) {
        if (source == null) {
            return null;
        }
        if (source.equals(StudyData.CONSENSUS)) {
            return StudyData.CONSENSUS;
        }
        if (source.startsWith("coder:") && source.length() > 6) {
            String coder = source.substring(6);
            boolean known = data.assignments().stream().anyMatch(a -> a.coder().equals(coder));
            if (!known) {
                throw EarmarkException.badInput("No coder \"" + coder + "\" in this study");
            }
            return coder;
        }
        throw EarmarkException.badInput("--source must be consensus or coder:NAME, was \"" + source + "\"");
    }
}
