package org.earmark.codebook;

import java.util.List;

/**
 * Which codes a metric counts: listed code ids, or every code of a group.
 *
 * @param codes code ids, empty when {@code group} is given
 * @param group a group id, or {@code null} when {@code codes} are given
 */
public record CodeSelection(List<String> codes, String group) {

    public CodeSelection {
        codes = List.copyOf(codes);
        if (codes.isEmpty() == (group == null)) {
            throw new IllegalArgumentException("a code selection needs either codes or a group, not both or none: codes="
                    + codes + ", group=" + group);
        }
    }

    public static CodeSelection ofCodes(List<String> codes) {
        return new CodeSelection(codes, null);
    }

    public static CodeSelection ofGroup(String group) {
        return new CodeSelection(List.of(), group);
    }

    /** The code ids selected in the given codebook. */
    public List<String> resolve(Codebook codebook) {
        if (group == null) {
            return codes;
        }
        return codebook.codes().stream().filter(c -> group.equals(c.group())).map(EventCode::id).toList();
    }

    @Override
    public String toString() {
        return group == null ? String.join("+", codes) : "group " + group;
    }
}
