package org.stormdesk.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A floor as the admin draws it: its name, the grid's size, and the seats on it with their equipment. */
@Serdeable
public record FloorPlan(@Nullable String name, @Nullable Integer rows, @Nullable Integer cols,
                        @Nullable List<PlannedSeat> seats) {

    @Serdeable
    public record PlannedSeat(@Nullable String code, @Nullable String zone, @Nullable Integer row,
                              @Nullable Integer col, @Nullable List<PlannedDevice> equipment) {
    }

    @Serdeable
    public record PlannedDevice(@Nullable String kind, @Nullable String label) {
    }
}
