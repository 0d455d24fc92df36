package org.stormdesk.evacuation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code evacuation_person}: one person of a roll call and how they are accounted for. */
@MappedEntity("evacuation_person")
public record PersonRow(@Id UUID id, UUID incidentId, String username, String displayName, @Nullable String position,
                        boolean listed, String status, @Nullable String markedBy, @Nullable Instant markedAt,
                        @Nullable String via, int marks, long lastSeq) {
}
