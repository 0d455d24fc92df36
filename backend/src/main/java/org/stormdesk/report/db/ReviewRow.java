package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code report_review}: a resolved incident's review as its latest version left it. */
@MappedEntity("report_review")
public record ReviewRow(
        @Id UUID incidentId,
        String whatHappened,
        String impact,
        String wentWell,
        String toChange,
        String state,
        int version,
        String writtenBy,
        Instant writtenAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        long lastSeq) {
}
