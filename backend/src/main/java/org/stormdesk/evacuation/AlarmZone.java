package org.stormdesk.evacuation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An alarm zone of a site and its state; {@code normal} is false for any state but normal. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmZone(String site, String code, String name, @Nullable String floor, String state, boolean normal,
                        @Nullable String changedBy, @Nullable Instant changedAt, @Nullable String note) {
}
