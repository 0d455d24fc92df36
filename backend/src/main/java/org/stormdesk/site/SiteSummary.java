package org.stormdesk.site;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A site with its floors, for choosing a seat map. */
@Serdeable
public record SiteSummary(String code, String name, List<Floor> floors) {

    @Serdeable
    public record Floor(String code, String name, int rows, int cols, int seats) {
    }
}
