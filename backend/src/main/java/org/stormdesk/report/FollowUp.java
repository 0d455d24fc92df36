package org.stormdesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up action of a review, tracked until done.
 *
 * @param state   open or done
 * @param overdue open after its due date (in the center's time zone)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUp(UUID id, UUID incidentId, @Nullable String incidentKind, String text, String owner,
                       LocalDate due, String state, boolean overdue, @Nullable String doneBy, @Nullable Instant doneAt,
                       @Nullable String note) {
}
