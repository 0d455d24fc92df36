package org.stormdesk.evacuation;

import java.util.List;
import java.util.Optional;

/**
 * How marks settle a person's status in a roll call: a mark only ever raises it, safe over absent (not on the site)
 * over missing over unknown. Marks are facts that may arrive late, twice, or from two tablets in any order; with
 * this rule the result is the same whatever the order, and a person is counted once.
 */
public final class MarkPolicy {

    /** The statuses, lowest first. */
    public static final List<String> ORDER = List.of("unknown", "missing", "absent", "safe");
    /** What a mark may say. */
    public static final List<String> MARKS = List.of("safe", "absent", "missing");

    private MarkPolicy() {
    }

    public static int rank(String status) {
        return Math.max(0, ORDER.indexOf(status));
    }

    /** The status after a mark: the mark's when it ranks higher, else the current one. */
    public static String settle(String current, String mark) {
        return rank(mark) > rank(current) ? mark : current;
    }

    /** Whether a person with this status is accounted for (safe, or known not to be on the site). */
    public static boolean accounted(String status) {
        return "safe".equals(status) || "absent".equals(status);
    }

    public static Optional<String> parseMark(String value) {
        return MARKS.contains(value) ? Optional.of(value) : Optional.empty();
    }
}
