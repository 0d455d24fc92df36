package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code report_escalation}: one escalation that fired. */
@MappedEntity("report_escalation")
public record EscalationFactRow(
        @Id UUID firing,
        @Nullable UUID incidentId,
        String timerId,
        @Nullable String clause,
        int level,
        Instant firedAt,
        @Nullable String ackWithin,
        @Nullable Instant acknowledgedAt) {
}
