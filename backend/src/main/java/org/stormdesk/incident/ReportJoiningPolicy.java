package org.stormdesk.incident;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Does a report join an incident, and which one? Reports join an incident of the same kind and scope
 * (the whole center, or one seat for equipment) that was running when the report was recorded: one still
 * open and started no more than {@link #EARLY} after the report (a report queued offline that saw the
 * fault first), or one already resolved whose span covers the report's time. Otherwise a new incident opens.
 */
public final class ReportJoiningPolicy {

    /** How much earlier than an open incident's start a report may have been recorded and still join it. */
    public static final Duration EARLY = Duration.ofHours(2);

    private ReportJoiningPolicy() {
    }

    /** The scope an incident of this kind covers: one seat for equipment, otherwise the whole center. */
    public static String scopeOf(IncidentKind kind, @Nullable String seat, String reporter) {
        if (!kind.perSeat()) {
            return "center";
        }
        return seat != null ? "seat:" + seat : "person:" + reporter;
    }

    /** The incident a report recorded at {@code recordedAt} joins, among those of its kind and scope. */
    public static Optional<UUID> choose(List<Candidate> sameKindAndScope, Instant recordedAt) {
        return sameKindAndScope.stream()
                .filter(c -> covers(c, recordedAt))
                .sorted(Comparator.comparing((Candidate c) -> c.recoveredAt() != null)
                        .thenComparing(Candidate::startedAt, Comparator.reverseOrder()))
                .map(Candidate::id)
                .findFirst();
    }

    private static boolean covers(Candidate c, Instant recordedAt) {
        if (recordedAt.isBefore(c.startedAt().minus(EARLY))) {
            return false;
        }
        if (c.recoveredAt() == null) {
            return true;
        }
        return !recordedAt.isAfter(c.recoveredAt()) && !recordedAt.isBefore(c.startedAt());
    }

    /** An incident a report could join: when it started and, if resolved, when it recovered. */
    public record Candidate(UUID id, Instant startedAt, @Nullable Instant recoveredAt) {
    }
}
