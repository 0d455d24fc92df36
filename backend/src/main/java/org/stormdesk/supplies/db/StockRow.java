package org.stormdesk.supplies.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code supplies_stock}: the last count of a kind at a site. */
@MappedEntity("supplies_stock")
public record StockRow(@Id String id, String site, String kind, int quantity, String countedBy, Instant countedAt,
                       @Nullable String note, long lastSeq) {
}
