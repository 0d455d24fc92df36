package org.stormdesk.evacuation.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code evacuation_site}: where a site's people gather, and its evacuation procedure. */
@MappedEntity("evacuation_site")
public record SiteRow(@Id String code, String name, String assemblyPoint, String procedureText, String updatedBy,
                      Instant updatedAt) {
}
