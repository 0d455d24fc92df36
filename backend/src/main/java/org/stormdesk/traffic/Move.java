package org.stormdesk.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A person pulled onto a queue for an incident, from their own position, and when they were sent back (null: still there). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Move(UUID id, String username, String queue, UUID incidentId, String position, String movedBy, Instant movedAt,
                   @Nullable String returnedBy, @Nullable Instant returnedAt) {
}
