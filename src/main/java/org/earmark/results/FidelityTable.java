package org.earmark.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earmark.core.EarmarkException;
import org.earmark.fidelity.FidelityScores;
import org.earmark.model.StudyRecording;

/** Every codebook metric for every recording, from the consensus, a chosen coder, or the default source. */
public final class FidelityTable {

    /**
     * One recording's scores and whose coding they come from ({@code consensus}, {@code coder:NAME}, or
     * {@link #NOT_CODED} with no scores when no coding of it has come in yet).
     */
    public record Row(String recording, String source, long durationMs, Map<String, Double> metrics) {
    }

    /** The source of a recording that no one whose coding counts has coded yet: its scores are missing, not zero. */
    public static final String NOT_CODED = "not coded yet";

    private FidelityTable() {
    }

    /**
     * @param source {@code null} for the default (consensus where it exists, else the primary coder, else another
     *               assigned coder who has coded it), {@code "consensus"}, or {@code "coder:NAME"}
     */
    public static List<Row> compute(StudyData data, String source) {
        String onlyCoder = parse(source, data);
        List<Row> rows = new ArrayList<>();
        for (StudyRecording r : data.recordings().values()) {
            boolean assigned = !data.assignedCoders(r.id()).isEmpty();
            String coder = onlyCoder != null ? onlyCoder : defaultCoder(data, r.id());
            if (onlyCoder != null && !onlyCoder.equals(StudyData.CONSENSUS)) {
                assigned = data.assignedCoders(r.id()).contains(onlyCoder);
            }
            if (coder != null && data.hasCoded(r.id(), coder)) {
                Map<String, Double> scores = FidelityScores.evaluate(data.codebook(), r.durationMs(),
                        data.events(r.id(), coder), data.ratings(r.id(), coder));
                rows.add(new Row(r.id(), coder.equals(StudyData.CONSENSUS) ? StudyData.CONSENSUS : "coder:" + coder,
                        r.durationMs(), scores));
            } else if (assigned && !StudyData.CONSENSUS.equals(onlyCoder)) {
                rows.add(new Row(r.id(), NOT_CODED, r.durationMs(), Map.of()));
            }
        }
        return rows;
    }

    private static String defaultCoder(StudyData data, String recordingId) {
        if (data.hasCoded(recordingId, StudyData.CONSENSUS)) {
            return StudyData.CONSENSUS;
        }
        List<String> primary = data.assignments().stream()
                .filter(a -> a.recordingId().equals(recordingId) && a.role().equals("primary"))
                .map(a -> a.coder()).filter(c -> data.hasCoded(recordingId, c)).toList();
        if (!primary.isEmpty()) {
            return primary.get(0);
        }
        List<String> coded = data.codedBy(recordingId);
        if (!coded.isEmpty()) {
            return coded.get(0);
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
