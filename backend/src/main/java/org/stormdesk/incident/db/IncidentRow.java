package org.stormdesk.incident.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code incident_incident}: the current state of one incident, projected from the journal.
 *
 * @param drill        a drill, not a real incident
 * @param participants a drill's participants, usernames separated by commas
 */
@MappedEntity("incident_incident")
public record IncidentRow(
        @Id UUID id,
        String kind,
        String scope,
        @Nullable String seat,
        String severity,
        String state,
        Instant startedAt,
        Instant openedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant recoveredAt,
        @Nullable String resolvedBy,
        int reportCount,
        int reporterCount,
        long lastSeq,
        boolean drill,
        @Nullable String participants) {
}
