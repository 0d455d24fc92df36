package org.stormdesk.site.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code site_fault}: one fault of one device at a seat, from the first report of it (its id) until it
 * is fixed. {@code device} is {@code seat} when the report named no device.
 */
@MappedEntity("site_fault")
public record FaultRow(@Id UUID id, String seat, String device, UUID incident, String reportedBy, Instant startedAt,
                       int reports, @Nullable Instant fixedAt, @Nullable String fixedBy, @Nullable String note,
                       boolean notified, long seq) {
}
