package org.stormdesk.power.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code power_outage_item}: one item of an outage's plan. */
@MappedEntity("power_outage_item")
public record ItemRow(@Id UUID id, UUID outage, int position, String area, String text, @Nullable String doneBy,
                      @Nullable Instant doneAt, @Nullable Long seq) {
}
