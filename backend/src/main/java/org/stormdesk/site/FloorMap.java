package org.stormdesk.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A floor as the seat map shows it, live: each seat on its square with its equipment, who sits there, and whether
 * it is free, taken or broken; and the people of the site moved to other work.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FloorMap(String site, String siteName, String floor, String floorName, int rows, int cols,
                       List<SeatView> seats, List<OtherWork> otherWork) {

    /**
     * One seat.
     *
     * @param state    {@code broken} when a device is faulty, else {@code taken} when someone sits there, else {@code free}
     * @param incident the open equipment incident of the seat, if it is broken
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeatView(String code, String zone, @Nullable Integer row, @Nullable Integer col, String state,
                           List<Device> equipment, @Nullable String occupant, @Nullable String occupantName,
                           @Nullable Instant since, @Nullable UUID incident) {
    }

    /** A device at a seat; {@code faultSince} when it is faulty now. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String kind, @Nullable String label, boolean broken, @Nullable Instant faultSince,
                         @Nullable UUID incident) {
    }

    /** Someone moved off the phones. */
    @Serdeable
    public record OtherWork(String username, String displayName, String work, Instant since, String movedBy) {
    }
}
