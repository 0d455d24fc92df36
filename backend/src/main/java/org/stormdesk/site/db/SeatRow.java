package org.stormdesk.site.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code site_seat}: a seat, its floor and zone, and its square on the floor's grid (when drawn). */
@MappedEntity("site_seat")
public record SeatRow(@Id String code, String floor, String zone, String site, @Nullable Integer gridRow,
                      @Nullable Integer gridCol) {
}
