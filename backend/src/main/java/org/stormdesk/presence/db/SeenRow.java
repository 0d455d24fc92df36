package org.stormdesk.presence.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code presence_seen}. */
@MappedEntity("presence_seen")
public record SeenRow(@Id String username, Instant seenAt) {
}
