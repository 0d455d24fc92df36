package org.stormdesk.presence.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code presence_request}. */
@MappedEntity("presence_request")
public record RequestRow(
        @Id UUID id,
        String username,
        String reason,
        Instant expectedBackAt,
        Instant requestedAt,
        @Nullable UUID incidentId,
        String state,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionNote,
        @Nullable Instant returnedAt,
        long lastSeq) {
}
