package org.stormdesk.supplies;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** Whether a site keeps what its rules ask, kind by kind, and what is missing. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Readiness(String site, int seats, boolean ready, List<Item> items) {

    /** The kinds short of what is required. */
    public List<Item> missing() {
        return items.stream().filter(i -> i.missing() > 0).toList();
    }

    /** One kind: how many there are, how many the rule asks for, and how many are missing. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String kind, int quantity, int required, int missing, @Nullable Integer perSeats, int atLeast,
                       @Nullable String countedBy, @Nullable Instant countedAt, @Nullable String note) {
    }
}
