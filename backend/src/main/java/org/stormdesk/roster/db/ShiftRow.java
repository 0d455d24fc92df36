package org.stormdesk.roster.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("roster_shift")
public record ShiftRow(@Id String id, String username, String site, Instant startsAt, Instant endsAt,
                       String position, String skills, String createdBy) {
}
