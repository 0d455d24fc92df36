package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code report_incident}: what the reports need of one incident. */
@MappedEntity("report_incident")
public record IncidentFactRow(
        @Id UUID id,
        String kind,
        String severity,
        @Nullable String site,
        boolean drill,
        Instant startedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant recoveredAt) {
}
