package org.stormdesk.capture;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One purge of captured records: when, records captured before {@code cutoff}, how many, by whom (or the server). */
@Serdeable
public record Purge(UUID id, Instant purgedAt, Instant cutoff, int purged, String purgedBy) {
}
