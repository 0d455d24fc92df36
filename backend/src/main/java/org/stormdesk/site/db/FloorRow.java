package org.stormdesk.site.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code site_floor}: a floor of a site and the size of its grid; {@code id} is site/code. */
@MappedEntity("site_floor")
public record FloorRow(@Id String id, String site, String code, String name, int gridRows, int gridCols) {

    public static String idOf(String site, String code) {
        return site + "/" + code;
    }
}
