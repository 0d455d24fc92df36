package org.stormdesk.traffic.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code traffic_move}. */
@MappedEntity("traffic_move")
public record MoveRow(@Id UUID id, String username, String queue, UUID incidentId, String position, String movedBy,
                      Instant movedAt, @Nullable String returnedBy, @Nullable Instant returnedAt) {
}
