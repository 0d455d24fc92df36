package org.stormdesk.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A planned outage (S3.3): its window, what property management said, the warnings before it, and its plan.
 *
 * @param state planned, running (the window is open and the plan started), over, or cancelled
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outage(UUID id, String site, Instant startsAt, Instant endsAt, @Nullable String source,
                     List<String> warnBefore, String state, @Nullable Instant startedAt, @Nullable Instant cancelledAt,
                     String createdBy, Instant createdAt, List<Warning> warnings, List<Item> plan) {

    /** A warning (stage: the duration before the start) or the start, when it is due and when it went out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warning(String stage, Instant dueAt, @Nullable Instant sentAt) {
    }

    /**
     * One item of the plan.
     *
     * @param area where (who works from where), queues (which are diverted), switch (what is switched over), other
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, String area, String text, boolean done, @Nullable String doneBy, @Nullable Instant doneAt) {
    }
}
