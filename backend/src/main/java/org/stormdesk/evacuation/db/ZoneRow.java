package org.stormdesk.evacuation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code evacuation_zone}: an alarm zone of a site and its current state. */
@MappedEntity("evacuation_zone")
public record ZoneRow(@Id String id, String site, String code, String name, @Nullable String floor, String state,
                      @Nullable String changedBy, @Nullable Instant changedAt, @Nullable String note, long lastSeq) {
}
