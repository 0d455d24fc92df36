package org.stormdesk.people.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code people_token}: the SHA-256 of a personal API token (never the token itself). */
@MappedEntity("people_token")
public record TokenRow(@Id String tokenHash, String username, Instant createdAt) {
}
