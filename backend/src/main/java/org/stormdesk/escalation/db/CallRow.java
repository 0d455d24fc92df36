package org.stormdesk.escalation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code escalation_call}: the latest mark on one call of an incident (reached or not). */
@MappedEntity("escalation_call")
public record CallRow(@Id UUID id, UUID incidentId, String target, boolean reached, @Nullable String note,
                      String markedBy, Instant markedAt, UUID entryId) {
}
