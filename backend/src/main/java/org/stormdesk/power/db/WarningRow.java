package org.stormdesk.power.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code power_warning}: a warning before an outage, or its start, due at a time. */
@MappedEntity("power_warning")
public record WarningRow(@Id String id, UUID outage, String stage, Instant dueAt, @Nullable Instant recordedAt) {

    public static final String START = "start";
}
