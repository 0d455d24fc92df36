package org.stormdesk.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A request to leave and what became of it (state: pending, allowed, refused, returned). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeaveRequest(UUID id, String username, String reason, Instant expectedBackAt, Instant requestedAt,
                           @Nullable UUID incident, String state, @Nullable String decidedBy, @Nullable Instant decidedAt,
                           @Nullable String note, @Nullable Instant returnedAt) {
}
