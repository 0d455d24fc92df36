package org.stormdesk.callback.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code callback_task}. */
@MappedEntity("callback_task")
public record TaskRow(
        @Id UUID id,
        @Nullable UUID incidentId,
        String customerName,
        String phone,
        @Nullable String accountId,
        String matter,
        String category,
        Instant dueAt,
        String capturedBy,
        Instant capturedAt,
        @Nullable String owner,
        @Nullable Instant assignedAt,
        int maxAttempts,
        int attempts,
        @Nullable String lastOutcome,
        @Nullable String lastNote,
        @Nullable Instant lastAttemptAt,
        @Nullable String lastAttemptBy,
        String state,
        @Nullable Instant closedAt,
        long lastSeq) {
}
