package org.stormdesk.outbound.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code outbound_task}. */
@MappedEntity("outbound_task")
public record TaskRow(
        @Id UUID id,
        LocalDate planDay,
        String campaign,
        String customerName,
        String phone,
        int priority,
        Instant dueAt,
        @Nullable String skill,
        @Nullable String note,
        @Nullable String assignee,
        @Nullable Instant assignedAt,
        int maxAttempts,
        int attempts,
        @Nullable String lastOutcome,
        @Nullable String lastNote,
        @Nullable Instant lastAttemptAt,
        String state,
        @Nullable Instant closedAt,
        String plannedBy,
        Instant plannedAt,
        long lastSeq) {
}
