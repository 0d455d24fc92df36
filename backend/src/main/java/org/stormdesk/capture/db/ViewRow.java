package org.stormdesk.capture.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code capture_view}: someone saw a captured record in full. */
@MappedEntity("capture_view")
public record ViewRow(@Id UUID id, UUID recordId, String viewer, Instant viewedAt, String what) {
}
