package org.stormdesk.site.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("site_seat")
public record SeatRow(@Id String code, String floor, String zone) {
}
