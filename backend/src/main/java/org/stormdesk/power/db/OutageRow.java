package org.stormdesk.power.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code power_outage}: a planned outage's window. */
@MappedEntity("power_outage")
public record OutageRow(@Id UUID id, String site, Instant startsAt, Instant endsAt, @Nullable String source,
                        String warnBefore, String createdBy, Instant createdAt, @Nullable Instant startedAt,
                        @Nullable Instant cancelledAt, @Nullable String cancelledBy) {
}
