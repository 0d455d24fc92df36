package org.stormdesk.procedure.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code procedure_playbook}: one version of one kind's playbook. The key is (kind, version);
 * rows are only ever inserted, so the repository reads and writes them with its own queries.
 */
@MappedEntity("procedure_playbook")
public record PlaybookRow(@Id String kind, int version, String yaml, Instant createdAt, String createdBy) {
}
