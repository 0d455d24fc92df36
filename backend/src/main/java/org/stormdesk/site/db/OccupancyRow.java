package org.stormdesk.site.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code site_occupancy}: who sits at a seat, since when, moved there by whom. */
@MappedEntity("site_occupancy")
public record OccupancyRow(@Id String seat, String username, Instant since, String movedBy, long seq) {
}
