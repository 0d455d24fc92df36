package org.stormdesk.callback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A callback as people read it. {@code state}: open, reached or failed (closed when the customer was reached or the
 * attempts ran out); {@code overdue}: open past its due time.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackTask(
        UUID id,
        @Nullable UUID incident,
        String name,
        String phone,
        @Nullable String accountId,
        String matter,
        String category,
        Instant dueAt,
        @Nullable String owner,
        int attempts,
        int maxAttempts,
        String state,
        boolean overdue,
        @Nullable String lastOutcome,
        @Nullable String lastNote,
        @Nullable Instant lastAttemptAt,
        String capturedBy,
        Instant capturedAt,
        @Nullable Instant closedAt,
        @Nullable List<Event> history) {

    /** One thing that happened to the task. kind: assigned, attempted, reassigned. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String kind, @Nullable String outcome, @Nullable String note, String actor, @Nullable String to, Instant at) {
    }
}
