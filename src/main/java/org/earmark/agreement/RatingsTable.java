package org.earmark.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.earmark.core.Preconditions;

/**
 * An immutable units × coders table of ratings; a cell may be missing. Values are held as indices into a
 * sorted list of the distinct observed values ("categories"): numeric tables sort them by number (so 2 comes
 * before 10), label tables by text (order is irrelevant to nominal coefficients). Units and coders keep the
 * order in which they were first added; no coefficient depends on either order.
 */
public final class RatingsTable {

    /** The cell value for a missing rating. */
    public static final int MISSING = -1;

    private final List<String> unitIds;
    private final List<String> coderIds;
    private final boolean numeric;
    private final List<String> categoryLabels;
    private final double[] categoryValues;
    private final int[] cells; // unit-major: cells[unit * coders + coder]

    private RatingsTable(List<String> unitIds, List<String> coderIds, boolean numeric, List<String> categoryLabels,
            double[] categoryValues, int[] cells) {
        this.unitIds = List.copyOf(unitIds);
        this.coderIds = List.copyOf(coderIds);
        this.numeric = numeric;
        this.categoryLabels = List.copyOf(categoryLabels);
        this.categoryValues = categoryValues;
        this.cells = cells;
    }

    /** A builder whose values are text labels (nominal data). */
    public static Builder labelBuilder() {
        return new Builder(false);
    }

    /** A builder whose values are numbers (ordinal, interval or ratio data). */
    public static Builder numberBuilder() {
        return new Builder(true);
    }

    /** A numeric table from a units × coders matrix; {@code null} is missing. Ids are u1.. and c1... */
    public static RatingsTable ofNumbers(Double[][] unitsByCoders) {
        Builder b = numberBuilder();
        for (int u = 0; u < unitsByCoders.length; u++) {
            for (int c = 0; c < unitsByCoders[u].length; c++) {
                b.number("u" + (u + 1), "c" + (c + 1), unitsByCoders[u][c]);
            }
        }
        return b.build();
    }

    /** A label table from a units × coders matrix; {@code null} is missing. Ids are u1.. and c1... */
    public static RatingsTable ofLabels(String[][] unitsByCoders) {
        Builder b = labelBuilder();
        for (int u = 0; u < unitsByCoders.length; u++) {
            for (int c = 0; c < unitsByCoders[u].length; c++) {
                b.label("u" + (u + 1), "c" + (c + 1), unitsByCoders[u][c]);
            }
        }
        return b.build();
    }

    public int unitCount() {
        return unitIds.size();
    }

    public int coderCount() {
        return coderIds.size();
    }

    public List<String> unitIds() {
        return unitIds;
    }

    public List<String> coderIds() {
        return coderIds;
    }

    public boolean isNumeric() {
        return numeric;
    }

    /** Number of distinct observed values. */
    public int categoryCount() {
        return categoryLabels.size();
    }

    public String categoryLabel(int category) {
        return categoryLabels.get(category);
    }

    /** The number a category stands for; only for numeric tables. */
    public double categoryValue(int category) {
        Preconditions.checkArgument(numeric, "table holds labels, not numbers; no value for category %s", category);
        return categoryValues[category];
    }

    /** The category index of a cell, or {@link #MISSING}. */
    public int category(int unit, int coder) {
        return cells[unit * coderIds.size() + coder];
    }

    /** The number in a cell (NaN when missing); only for numeric tables. */
    public double value(int unit, int coder) {
        int k = category(unit, coder);
        return k == MISSING ? Double.NaN : categoryValue(k);
    }

    /** How many coders rated the unit. */
    public int valueCount(int unit) {
        int n = 0;
        for (int c = 0; c < coderIds.size(); c++) {
            if (category(unit, c) != MISSING) {
                n++;
            }
        }
        return n;
    }

    public boolean isComplete(int unit) {
        return valueCount(unit) == coderIds.size();
    }

    /** Number of units that every coder rated. */
    public int completeUnitCount() {
        int n = 0;
        for (int u = 0; u < unitIds.size(); u++) {
            if (isComplete(u)) {
                n++;
            }
        }
        return n;
    }

    /** The units every coder rated, with categories re-derived from the values that remain. */
    public RatingsTable completeUnits() {
        Builder b = new Builder(numeric);
        coderIds.forEach(b::coder);
        for (int u = 0; u < unitIds.size(); u++) {
            if (isComplete(u)) {
                copyUnit(b, u);
            }
        }
        return b.build();
    }

    private void copyUnit(Builder b, int u) {
        b.unit(unitIds.get(u));
        for (int c = 0; c < coderIds.size(); c++) {
            int k = category(u, c);
            if (numeric) {
                b.number(unitIds.get(u), coderIds.get(c), k == MISSING ? null : categoryValues[k]);
            } else {
                b.label(unitIds.get(u), coderIds.get(c), k == MISSING ? null : categoryLabels.get(k));
            }
        }
    }

    @Override
    public String toString() {
        return "RatingsTable[" + unitIds.size() + " units x " + coderIds.size() + " coders, " + categoryLabels.size()
                + (numeric ? " distinct numbers]" : " distinct labels]");
    }

    /** Collects ratings cell by cell; a unit or coder seen with only missing values still counts. */
    public static final class Builder {
        private final boolean numeric;
        private final Map<String, Integer> units = new LinkedHashMap<>();
        private final Map<String, Integer> coders = new LinkedHashMap<>();
        private final Map<Long, Object> values = new LinkedHashMap<>(); // key: unit << 32 | coder

        private Builder(boolean numeric) {
            this.numeric = numeric;
        }

        /** Registers a unit even if no coder rated it. */
        public Builder unit(String unitId) {
            units.computeIfAbsent(Preconditions.checkNotBlank(unitId, "unit id"), k -> units.size());
            return this;
        }

        /** Registers a coder even if they rated nothing. */
        public Builder coder(String coderId) {
            coders.computeIfAbsent(Preconditions.checkNotBlank(coderId, "coder id"), k -> coders.size());
            return this;
        }

        public boolean contains(String unitId, String coderId) {
            Integer u = units.get(unitId);
            Integer c = coders.get(coderId);
            return u != null && c != null && values.containsKey(key(u, c));
        }

        /** Adds a text label; {@code null} records the cell as missing. */
        public Builder label(String unitId, String coderId, String label) {
            Preconditions.checkArgument(!numeric, "this table holds numbers; got label '%s'", label);
            return put(unitId, coderId, label);
        }

        /** Adds a number; {@code null} records the cell as missing. */
        public Builder number(String unitId, String coderId, Double number) {
            Preconditions.checkArgument(numeric, "this table holds labels; got number %s", number);
            Preconditions.checkArgument(number == null || Double.isFinite(number),
                    "rating must be a finite number, was %s", number);
            // -0.0 and 0.0 are the same rating
            return put(unitId, coderId, number == null ? null : number + 0.0);
        }

        private Builder put(String unitId, String coderId, Object value) {
            unit(unitId);
            coder(coderId);
            long key = key(units.get(unitId), coders.get(coderId));
            Preconditions.checkArgument(!values.containsKey(key),
                    "duplicate rating for unit '%s' and coder '%s'", unitId, coderId);
            values.put(key, value);
            return this;
        }

        private static long key(int unit, int coder) {
            return ((long) unit << 32) | coder;
        }

        public RatingsTable build() {
            TreeMap<Object, Integer> categories = new TreeMap<>();
            for (Object v : values.values()) {
                if (v != null) {
                    categories.put(v, 0);
                }
            }
            List<String> labels = new ArrayList<>(categories.size());
            double[] numbers = new double[numeric ? categories.size() : 0];
            int index = 0;
            for (Map.Entry<Object, Integer> e : categories.entrySet()) {
                e.setValue(index);
                if (numeric) {
                    double d = (Double) e.getKey();
                    numbers[index] = d;
                    labels.add(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
                } else {
                    labels.add((String) e.getKey());
                }
                index++;
            }
            int coderCount = coders.size();
            int[] cells = new int[units.size() * coderCount];
            Arrays.fill(cells, MISSING);
            for (Map.Entry<Long, Object> e : values.entrySet()) {
                if (e.getValue() != null) {
                    int u = (int) (e.getKey() >>> 32);
                    int c = (int) (e.getKey() & 0xffffffffL);
                    cells[u * coderCount + c] = categories.get(e.getValue());
                }
            }
            return new RatingsTable(new ArrayList<>(units.keySet()), new ArrayList<>(coders.keySet()), numeric, labels,
                    numbers, cells);
        }
    }
}
