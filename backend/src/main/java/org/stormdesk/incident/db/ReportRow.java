package org.stormdesk.incident.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code incident_report}: one report from the floor and the incident it joined. */
@MappedEntity("incident_report")
public record ReportRow(
        @Id UUID id,
        UUID incidentId,
        String reporter,
        String kind,
        @Nullable String seat,
        @Nullable String note,
        Instant recordedAt,
        Instant receivedAt,
        long seq) {
}
