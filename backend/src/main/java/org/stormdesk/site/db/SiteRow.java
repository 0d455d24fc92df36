package org.stormdesk.site.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code site_site}: a site of the center (a building), by its code. */
@MappedEntity("site_site")
public record SiteRow(@Id String code, String name) {
}
