package org.stormdesk.escalation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code escalation_timer}: one level of one timer of an incident, with its due time and state
 * (pending, fired, acknowledged, cancelled, superseded).
 *
 * @param audience comma-separated parties ({@code role:leadership,user:lee})
 */
@MappedEntity("escalation_timer")
public record TimerRow(
        @Id UUID id,
        UUID incidentId,
        String timerId,
        int level,
        String clause,
        @Nullable String unlessFact,
        String audience,
        @Nullable String ackWithin,
        Instant dueAt,
        String state,
        @Nullable Instant claimedUntil,
        @Nullable UUID firing,
        @Nullable Instant firedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,
        boolean cancelLogged) {

    public static final String PENDING = "pending";
    public static final String FIRED = "fired";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String CANCELLED = "cancelled";
    public static final String SUPERSEDED = "superseded";

    /** A new pending level. */
    public static TimerRow pending(UUID id, UUID incidentId, String timerId, int level, String clause,
                                   @Nullable String unless, String audience, @Nullable String ackWithin, Instant dueAt) {
        return new TimerRow(id, incidentId, timerId, level, clause, unless, audience, ackWithin, dueAt, PENDING,
                null, null, null, null, null, null, null, false);
    }

    public java.util.List<String> audienceList() {
        return audience.isEmpty() ? java.util.List.of() : java.util.List.of(audience.split(","));
    }
}
