package org.earmark.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.earmark.model.Assignment;
import org.junit.jupiter.api.Test;

class AssignerTest {

    private static final List<String> RECORDINGS = IntStream.range(0, 100).mapToObj(i -> String.format("R-%04d", i))
            .toList();
    private static final List<String> CODERS = List.of("a", "b", "c");

    @Test
    void everyRecordingHasOnePrimaryCoderAndTheLoadIsBalanced() {
        List<Assignment> all = Assigner.assign(RECORDINGS, CODERS, 0.3, 7);
        Map<String, Long> primaries = all.stream().filter(a -> a.role().equals("primary"))
                .collect(Collectors.groupingBy(Assignment::recordingId, Collectors.counting()));
        assertEquals(100, primaries.size());
        assertTrue(primaries.values().stream().allMatch(n -> n == 1));
        IntSummaryStatistics perCoder = all.stream().filter(a -> a.role().equals("primary"))
                .collect(Collectors.groupingBy(Assignment::coder, Collectors.counting())).values().stream()
                .mapToInt(Long::intValue).summaryStatistics();
        assertTrue(perCoder.getMax() - perCoder.getMin() <= 1, perCoder.toString());
    }

    @Test
    void theDoubleCodedShareIsSpreadOverCoderPairs() {
        List<Assignment> all = Assigner.assign(RECORDINGS, CODERS, 0.3, 7);
        Map<String, List<String>> codersOf = new HashMap<>();
        all.forEach(a -> codersOf.computeIfAbsent(a.recordingId(), k -> new ArrayList<>()).add(a.coder()));
        List<List<String>> doubled = codersOf.values().stream().filter(l -> l.size() == 2).toList();
        assertEquals(30, doubled.size());
        assertTrue(doubled.stream().allMatch(l -> !l.get(0).equals(l.get(1))), "two different coders");
        Map<String, Long> pairs = doubled.stream().map(l -> {
            List<String> sorted = new ArrayList<>(l);
            Collections.sort(sorted);
            return String.join("+", sorted);
        }).collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertEquals(3, pairs.size(), pairs.toString());
        assertTrue(pairs.values().stream().allMatch(n -> n == 10), "30 over 3 pairs: " + pairs);
        IntSummaryStatistics load = all.stream().collect(Collectors.groupingBy(Assignment::coder,
                Collectors.counting())).values().stream().mapToInt(Long::intValue).summaryStatistics();
        assertTrue(load.getMax() - load.getMin() <= 2, "total work is balanced too: " + load);
    }

    @Test
    void theSameSeedGivesTheSameAssignmentWhateverTheInputOrder() {
        List<String> shuffled = new ArrayList<>(RECORDINGS);
        Collections.shuffle(shuffled, new java.util.Random(99));
        assertEquals(Assigner.assign(RECORDINGS, CODERS, 0.3, 7), Assigner.assign(shuffled, CODERS, 0.3, 7));
        assertNotEquals(Assigner.assign(RECORDINGS, CODERS, 0.3, 7), Assigner.assign(RECORDINGS, CODERS, 0.3, 8));
    }

    @Test
    void eachCoderHasTheirOwnShuffledOrder() {
        List<Assignment> all = Assigner.assign(RECORDINGS, CODERS, 0.3, 7);
        for (String coder : CODERS) {
            List<Assignment> mine = all.stream().filter(a -> a.coder().equals(coder)).toList();
            assertEquals(IntStream.range(0, mine.size()).boxed().toList(),
                    mine.stream().map(Assignment::position).toList());
            List<String> ids = mine.stream().map(Assignment::recordingId).toList();
            List<String> sorted = new ArrayList<>(ids);
            Collections.sort(sorted);
            assertNotEquals(sorted, ids, "not in id order");
            assertEquals(new HashSet<>(ids).size(), ids.size());
        }
    }

    @Test
    void refusesImpossibleRequests() {
        assertThrows(IllegalArgumentException.class, () -> Assigner.assign(RECORDINGS, List.of("a"), 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> Assigner.assign(RECORDINGS, List.of("a", "a"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Assigner.assign(RECORDINGS, CODERS, 1.5, 1));
    }
}
