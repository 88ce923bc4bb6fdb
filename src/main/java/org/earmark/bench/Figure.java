package org.earmark.bench;

/**
 * One measured figure of {@code earmark bench}.
 *
 * @param target the figure it must not exceed, or {@code null} when it is for information
 */
public record Figure(String name, double value, String unit, Double target, String note) {

    public Boolean met() {
        return target == null ? null : value <= target;
    }
}
