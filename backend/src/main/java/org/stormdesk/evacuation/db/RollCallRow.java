package org.stormdesk.evacuation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code evacuation_rollcall}: the roll call of an incident. */
@MappedEntity("evacuation_rollcall")
public record RollCallRow(@Id UUID incidentId, String site, boolean drill, String assemblyPoint, String state,
                          Instant startedAt, String startedBy, @Nullable Instant closedAt, @Nullable String closedBy,
                          @Nullable String closeReason, @Nullable String closedCounts,
                          long lastSeq) {
}
