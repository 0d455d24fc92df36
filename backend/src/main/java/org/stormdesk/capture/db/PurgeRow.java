package org.stormdesk.capture.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code capture_purge}: one purge of records past the retention period. */
@MappedEntity("capture_purge")
public record PurgeRow(@Id UUID id, Instant purgedAt, Instant cutoff, int purged, String purgedBy) {
}
