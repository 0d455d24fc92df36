package org.stormdesk.outbound.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code outbound_event}. */
@MappedEntity("outbound_event")
public record EventRow(
        @Id UUID id,
        UUID taskId,
        String kind,
        @Nullable String outcome,
        @Nullable String note,
        String actor,
        @Nullable String toUser,
        Instant at,
        long seq) {
}
