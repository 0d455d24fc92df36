package org.stormdesk.people.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code people_user}; roles are kept as a comma-separated list. */
@MappedEntity("people_user")
public record UserRow(@Id String username, String displayName, String roles, @Nullable String team,
                      @Nullable String seat, @Nullable String passwordHash, boolean active, Instant createdAt) {
}
