package org.stormdesk.escalation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code escalation_step}: a checklist step done or skipped (with the reason), by whom and when. */
@MappedEntity("escalation_step")
public record StepRow(@Id UUID id, UUID incidentId, String stepId, String state, String doneBy, Instant doneAt,
                      @Nullable String reason, UUID entryId) {

    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";
}
