package org.stormdesk.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Where a person is now: at a seat, on other work, or neither; and their home seat from the directory. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Placement(String username, @Nullable String seat, @Nullable String site, @Nullable String floor,
                        @Nullable String work, @Nullable Instant since, @Nullable String homeSeat) {
}
