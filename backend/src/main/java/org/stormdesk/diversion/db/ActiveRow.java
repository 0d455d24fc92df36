package org.stormdesk.diversion.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code diversion_active}: a message switched on for an incident. */
@MappedEntity("diversion_active")
public record ActiveRow(@Id UUID messageId, UUID incidentId, String channel, String activatedBy, Instant activatedAt, long seq) {
}
