package org.stormdesk.presence.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code presence_person}. */
@MappedEntity("presence_person")
public record PersonRow(
        @Id String username,
        String state,
        Instant since,
        @Nullable UUID requestId,
        @Nullable String awayReason,
        long lastSeq) {
}
