package org.stormdesk.escalation;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How well an incident followed its playbook, step by step and timer by timer.
 * <ul>
 * <li>A step done by its deadline (the incident's start plus its {@code within}; any time when it has none) is
 *     on time, after it late; skipped (with a reason) is skipped; still open when the incident was resolved,
 *     missed; otherwise pending.</li>
 * <li>A timer that never fired is pending while a level waits, else not needed (the incident was resolved or
 *     acknowledged in time). One that fired and asked for an acknowledgement is on time when the acknowledgement
 *     (at any level) or the resolution came within the first level's {@code ack-within}, late when the
 *     acknowledgement came after, missed when neither came; one that asked for none is on time when it fired
 *     within {@link #GRACE} of its due time (a server that was down fires late).</li>
 * </ul>
 */
public enum Compliance {
    ON_TIME("onTime"), LATE("late"), MISSED("missed"), SKIPPED("skipped"), PENDING("pending"), NOT_NEEDED("notNeeded");

    /** How late a timer may fire and still count as on time. */
    public static final Duration GRACE = Duration.ofMinutes(1);

    private final String wire;

    Compliance(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * @param state  done, skipped, or null while open
     * @param due    the step's deadline, or null when it has none
     */
    public static Compliance ofStep(@Nullable String state, @Nullable Instant doneAt, @Nullable Instant due,
                                    @Nullable Instant resolvedAt) {
        if ("skipped".equals(state)) {
            return SKIPPED;
        }
        if ("done".equals(state) && doneAt != null) {
            return due == null || !doneAt.isAfter(due) ? ON_TIME : LATE;
        }
        return resolvedAt != null ? MISSED : PENDING;
    }

    /** One level of a timer as far as compliance is concerned. */
    public record Level(int level, Instant dueAt, @Nullable Instant firedAt, @Nullable Instant acknowledgedAt,
                        @Nullable Duration ackWithin, boolean pending) {
    }

    public static Compliance ofTimer(List<Level> levels, @Nullable Instant resolvedAt, Instant now) {
        Level first = levels.stream().filter(l -> l.firedAt() != null)
                .min(java.util.Comparator.comparingInt(Level::level)).orElse(null);
        if (first == null) {
            return levels.stream().anyMatch(Level::pending) ? PENDING : NOT_NEEDED;
        }
        Instant acknowledged = levels.stream().map(Level::acknowledgedAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        if (first.ackWithin() == null) {
            return first.firedAt().isAfter(first.dueAt().plus(GRACE)) ? LATE : ON_TIME;
        }
        Instant deadline = first.firedAt().plus(first.ackWithin());
        if (acknowledged != null) {
            return acknowledged.isAfter(deadline) ? LATE : ON_TIME;
        }
        if (resolvedAt != null && !resolvedAt.isAfter(deadline)) {
            return ON_TIME;
        }
        return resolvedAt != null || now.isAfter(deadline) ? MISSED : PENDING;
    }
}
