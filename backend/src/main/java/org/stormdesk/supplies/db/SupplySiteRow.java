package org.stormdesk.supplies.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code supplies_site}: a site's size for the readiness rules. */
@MappedEntity("supplies_site")
public record SupplySiteRow(@Id String code, int seats, String updatedBy, Instant updatedAt) {
}
