package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code report_callback}: one callback attempt. */
@MappedEntity("report_callback")
public record CallbackFactRow(
        @Id UUID id,
        @Nullable String taskId,
        @Nullable UUID incidentId,
        String outcome,
        Instant attemptedAt) {
}
