package org.stormdesk.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A planned outbound call as people read it. {@code state}: open, done, or closed (refused, wrong number, or the
 * attempts ran out); {@code overdue}: open past its due time. {@code expectedBy}: when its agent should reach it, working
 * their list in order at the configured pace (absent when its agent is not working outbound now, or it has none);
 * {@code atRisk}: open, and not expected to be reached before it is due.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundTask(
        UUID id,
        LocalDate day,
        String campaign,
        String customerName,
        String phone,
        int priority,
        Instant dueAt,
        @Nullable String skill,
        @Nullable String note,
        @Nullable String assignee,
        int attempts,
        int maxAttempts,
        String state,
        boolean overdue,
        @Nullable Instant expectedBy,
        boolean atRisk,
        @Nullable String lastOutcome,
        @Nullable String lastNote,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant closedAt,
        @Nullable List<Event> history) {

    /** One thing that happened to the task. kind: planned, reallocated, attempted. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String kind, @Nullable String outcome, @Nullable String note, String actor, @Nullable String to, Instant at) {
    }
}
