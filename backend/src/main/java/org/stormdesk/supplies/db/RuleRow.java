package org.stormdesk.supplies.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code supplies_rule}: how many of a kind a site must keep. */
@MappedEntity("supplies_rule")
public record RuleRow(@Id String id, String site, String kind, @Nullable Integer perSeats, int atLeast, String updatedBy,
                      Instant updatedAt) {
}
