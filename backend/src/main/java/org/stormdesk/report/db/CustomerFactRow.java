package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code report_customer}: one customer captured by hand, its back-fill and its callback. */
@MappedEntity("report_customer")
public record CustomerFactRow(
        @Id UUID id,
        @Nullable UUID incidentId,
        Instant capturedAt,
        boolean callbackPromised,
        @Nullable Instant callbackDueAt,
        @Nullable Instant reachedAt,
        @Nullable Instant backfilledAt,
        @Nullable Instant rejectedAt) {
}
