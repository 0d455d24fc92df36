package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code report_action}: one follow-up action of a review. */
@MappedEntity("report_action")
public record ActionRow(
        @Id UUID id,
        UUID incidentId,
        int position,
        String text,
        String owner,
        LocalDate dueOn,
        String state,
        @Nullable String doneBy,
        @Nullable Instant doneAt,
        @Nullable String note,
        long lastSeq) {
}
