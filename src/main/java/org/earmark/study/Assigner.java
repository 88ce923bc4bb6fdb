package org.earmark.study;

import static org.earmark.core.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earmark.model.Assignment;

/**
 * Decides who codes what. Every recording goes to one coder, balanced; a random share of them
 * also to a second coder, balanced over coder pairs; each coder gets their own random order. The
 * same inputs and seed always give the same assignment.
 */
public final class Assigner {

    private Assigner() {
    }

    public static List<Assignment> assign(List<String> recordingIds, List<String> coders, double doubleCodeShare,
            long seed) {
        checkArgument(!coders.isEmpty(), "at least one coder is needed");
        checkArgument(new LinkedHashSet<>(coders).size() == coders.size(), "coder names must differ, were %s", coders);
        checkArgument(doubleCodeShare >= 0 && doubleCodeShare <= 1, "the double-coded share must be 0..1, was %s",
                doubleCodeShare);
        checkArgument(doubleCodeShare == 0 || coders.size() >= 2, "double coding needs at least two coders, have %s",
                coders);
        Random random = new Random(seed);
        List<String> recordings = new ArrayList<>(recordingIds);
        Collections.sort(recordings); // the caller's order must not matter, only the seed
        Collections.shuffle(recordings, random);

        Map<String, List<String>> byCoder = new HashMap<>();
        Map<String, String> primary = new HashMap<>();
        List<String> coderOrder = new ArrayList<>(coders);
        Collections.shuffle(coderOrder, random); // who gets the extra recording when they do not divide evenly
        for (int i = 0; i < recordings.size(); i++) {
            String coder = coderOrder.get(i % coderOrder.size());
            primary.put(recordings.get(i), coder);
            byCoder.computeIfAbsent(coder, k -> new ArrayList<>()).add(recordings.get(i));
        }

        Map<String, String> second = new HashMap<>();
        int doubles = (int) Math.round(doubleCodeShare * recordings.size());
        List<String> toDouble = new ArrayList<>(recordings.subList(0, doubles));
        Collections.shuffle(toDouble, random);
        Map<String, Integer> pairCounts = new HashMap<>();
        Map<String, Integer> load = new HashMap<>();
        byCoder.forEach((c, list) -> load.put(c, list.size()));
        for (String recording : toDouble) {
            String first = primary.get(recording);
            String best = null;
            for (String candidate : coderOrder) {
                if (candidate.equals(first)) {
                    continue;
                }
                if (best == null || better(candidate, best, first, pairCounts, load)) {
                    best = candidate;
                }
            }
            second.put(recording, best);
            pairCounts.merge(pairKey(first, best), 1, Integer::sum);
            load.merge(best, 1, Integer::sum);
            byCoder.computeIfAbsent(best, k -> new ArrayList<>()).add(recording);
        }

        List<Assignment> out = new ArrayList<>();
        for (String coder : coders) {
            List<String> mine = new ArrayList<>(byCoder.getOrDefault(coder, List.of()));
            Collections.sort(mine);
            Collections.shuffle(mine, new Random(seed ^ (coder.hashCode() * 0x9E3779B97F4A7C15L)));
            for (int position = 0; position < mine.size(); position++) {
                String recording = mine.get(position);
                String role = coder.equals(primary.get(recording)) ? "primary" : "second";
                out.add(new Assignment(recording, coder, position, role));
            }
        }
        return out;
    }

    /** Prefer the pair coded together least, then the coder with the least work. */
    private static boolean better(String candidate, String best, String first, Map<String, Integer> pairs,
            Map<String, Integer> load) {
        int pc = pairs.getOrDefault(pairKey(first, candidate), 0);
        int pb = pairs.getOrDefault(pairKey(first, best), 0);
        if (pc != pb) {
            return pc < pb;
        }
        return load.getOrDefault(candidate, 0) < load.getOrDefault(best, 0);
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
