package org.stormdesk.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A seat on the floor, named by its code (e.g. {@code A-03}, unique across sites), with its site, floor, zone and,
 * once the floor is drawn, its square on the floor's grid (row and column from 0).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Seat(String code, String floor, String zone, String site, @Nullable Integer row, @Nullable Integer col) {

    public Seat(String code, String floor, String zone) {
        this(code, floor, zone, SiteMap.FIRST_SITE, null, null);
    }
}
