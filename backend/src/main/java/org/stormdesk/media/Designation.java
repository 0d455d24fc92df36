package org.stormdesk.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A spokesperson designated for an incident ({@code previous}: whom they replaced). */
@Serdeable
public record Designation(UUID id, UUID incident, String username, @Nullable String previous, String designatedBy,
                          Instant designatedAt, boolean current) {
}
