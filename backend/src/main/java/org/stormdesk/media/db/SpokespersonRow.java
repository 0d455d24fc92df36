package org.stormdesk.media.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code media_spokesperson}: one designation; the latest of an incident is in force. */
@MappedEntity("media_spokesperson")
public record SpokespersonRow(
        @Id UUID id,
        UUID incidentId,
        String username,
        @Nullable String previous,
        String designatedBy,
        Instant designatedAt,
        long seq) {
}
