package org.earmark.agreement.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earmark.agreement.Level;
import org.earmark.agreement.RatingsTable;
import org.earmark.agreement.coefficient.KrippendorffAlpha;
import org.junit.jupiter.api.Test;

class MultiCoderAgreementTest {

    @Test
    void threeCodersWorkedExample() {
        Map<String, List<TimedEvent>> events = new LinkedHashMap<>();
        events.put("c", List.of(TimedEvent.point("X", 1_000)));
        events.put("a", List.of(TimedEvent.point("X", 0), TimedEvent.point("Y", 10_000)));
        events.put("b", List.of(TimedEvent.point("X", 500), TimedEvent.point("Y", 10_500)));
        MultiCoderAgreement m = MultiCoderAgreement.compute(events, 2_000);
        assertEquals(List.of("a", "b", "c"), m.coders());
        assertEquals(3, m.pairs().size());
        assertEquals(2, m.units().size());
        assertArrayEquals(new String[] {"X", "X", "X"}, m.units().get(0));
        assertArrayEquals(new String[] {"Y", "Y", null}, m.units().get(1));
        // o_XX = 3, o_Y,none = o_none,Y = 1, o_YY = 1; n_X = 3, n_Y = 2, n_none = 1; n = 6
        // alpha = 1 - (n-1)·2 / (2·(3·2 + 3·1 + 2·1)) = 1 - 10/22
        assertEquals(12.0 / 22, m.alpha().getAsDouble(), 1e-15);
        // the same units as a ratings table give the same alpha
        RatingsTable t = RatingsTable.ofLabels(new String[][] {{"X", "X", "X"}, {"Y", "Y", "none"}});
        assertEquals(KrippendorffAlpha.compute(t, Level.NOMINAL).getAsDouble(), m.alpha().getAsDouble(), 1e-15);
    }

    @Test
    void resultDoesNotDependOnCoderOrEventOrder() {
        Random random = new Random(7);
        Map<String, List<TimedEvent>> events = new LinkedHashMap<>();
        for (String coder : List.of("a", "b", "c", "d")) {
            List<TimedEvent> list = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                list.add(TimedEvent.point(random.nextBoolean() ? "X" : "Y", i * 5_000L + random.nextInt(1_500)));
            }
            events.put(coder, list);
        }
        MultiCoderAgreement m = MultiCoderAgreement.compute(events, 2_000);
        Map<String, List<TimedEvent>> reversed = new LinkedHashMap<>();
        List<String> coders = new ArrayList<>(events.keySet());
        java.util.Collections.reverse(coders);
        for (String c : coders) {
            List<TimedEvent> list = new ArrayList<>(events.get(c));
            java.util.Collections.shuffle(list, random);
            reversed.put(c, list);
        }
        MultiCoderAgreement r = MultiCoderAgreement.compute(reversed, 2_000);
        assertEquals(m.alpha(), r.alpha());
        for (int i = 0; i < m.pairs().size(); i++) {
            assertEquals(m.pairs().get(i).table(), r.pairs().get(i).table());
        }
    }
}
