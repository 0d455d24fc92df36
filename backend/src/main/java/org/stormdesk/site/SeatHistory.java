package org.stormdesk.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seat with each device's faults, newest first, and its mean time to repair. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatHistory(Seat seat, FloorMap.SeatView now, List<DeviceHistory> devices) {

    /**
     * @param mttrMinutes mean minutes from fault to fix over the fixed faults; null when none was fixed
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceHistory(String kind, @Nullable String label, int faultCount, @Nullable Long mttrMinutes,
                                List<Fault> faults) {
    }

    /** One fault: when it started, how many reports it had, when and by whom it was fixed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fault(UUID id, UUID incident, String reportedBy, Instant startedAt, int reports,
                       @Nullable Instant fixedAt, @Nullable String fixedBy, @Nullable String note,
                       @Nullable Long repairMinutes) {
    }
}
