package org.stormdesk.evacuation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code evacuation_triage}: the latest answer to "fault, test or real?" for a fire incident. */
@MappedEntity("evacuation_triage")
public record TriageRow(@Id UUID incidentId, String answer, String site, String answeredBy, Instant answeredAt,
                        @Nullable String note, long lastSeq) {
}
