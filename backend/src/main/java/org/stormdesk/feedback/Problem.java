package org.stormdesk.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A suspected problem as the department, the manager and the live screen read it: what rose ({@code kind} phrase
 * or reason, {@code label} the phrase or code itself), how much against normal, since when, sample contacts, where
 * it was routed and by when it must be answered, and what became of it.
 *
 * @param current  the rise's current level (contacts in about the last quarter hour, decayed)
 * @param expected the normal level for this time of day
 */
@Serdeable
public record Problem(
        UUID id,
        String kind,
        String label,
        @Nullable String product,
        @Nullable String reason,
        int contacts,
        int flags,
        double current,
        double expected,
        double ratio,
        Instant firstSeen,
        Instant raisedAt,
        Instant lastSeen,
        List<Sample> samples,
        @Nullable String department,
        @Nullable String departmentName,
        List<String> audience,
        Instant answerDueAt,
        @Nullable Instant escalatedAt,
        String state,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt,
        @Nullable Long verifySeconds,
        @Nullable UUID incident,
        @Nullable String note) {

    public static final String OPEN = "open";
    public static final String CONFIRMED = "confirmed";
    public static final String DISMISSED = "dismissed";

    /** A contact (or an agent's flag) that shows the problem. */
    @Serdeable
    public record Sample(String id, Instant at, @Nullable String reason, @Nullable String product, @Nullable String text,
                         boolean flag) {
    }
}
