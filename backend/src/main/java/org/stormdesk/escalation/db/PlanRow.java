package org.stormdesk.escalation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code escalation_incident}: the playbook version an incident started with, and what its timers hang on. */
@MappedEntity("escalation_incident")
public record PlanRow(@Id UUID incidentId, String kind, int playbookVersion, Instant startedAt,
                      @Nullable Instant acknowledgedAt, @Nullable Instant resolvedAt) {
}
