package org.stormdesk.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's playbook at work, as the incident page shows it: the steps (in the reader's language) and
 * their state, the timers level by level, the call tree with numbers to dial, and the compliance of each.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checklist(UUID incidentId, String kind, int playbookVersion, Instant startedAt,
                        @Nullable Instant resolvedAt, List<Step> steps, List<Timer> timers, List<Call> callTree,
                        Summary compliance) {

    /**
     * One step.
     *
     * @param state      open, done, skipped, or overdue (open past its deadline)
     * @param compliance onTime, late, missed, skipped or pending ({@link Compliance})
     * @param calls      for a step that is a call: whom to call for each fault type
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String id, String clause, String role, String text, String state, @Nullable Instant dueAt,
                       @Nullable String by, @Nullable Instant at, @Nullable String reason, String compliance,
                       @Nullable List<Call> calls) {
    }

    /** One timer and the levels of its chain made so far. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timer(String id, String clause, @Nullable String unless, String compliance, List<Level> levels) {
    }

    /**
     * One level of a timer.
     *
     * @param state  pending, fired, acknowledged, cancelled or superseded
     * @param firing the id of its {@code escalation.fired} entry, to acknowledge it by
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(int level, String state, Instant dueAt, List<String> audience, @Nullable String ackWithin,
                        @Nullable UUID firing, @Nullable Instant firedAt, @Nullable Instant acknowledgedAt,
                        @Nullable String acknowledgedBy, @Nullable Instant cancelledAt, @Nullable String cancelReason) {
    }

    /**
     * One party to call: a contact (with the number to dial), or the people of a role or a user.
     *
     * @param target    as the playbook names it: {@code contact:property}, {@code role:leadership}
     * @param faultType for a step's call: the fault type it is for
     * @param tel       a {@code tel:} link that dials the number on a phone
     * @param people    for a role or a user: who that is
     * @param state     open, reached or unreached (the latest mark)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Call(String target, @Nullable String faultType, String name, @Nullable String organization,
                       @Nullable String phone, @Nullable String tel, @Nullable List<String> people, String state,
                       @Nullable String by, @Nullable Instant at, @Nullable String note) {
    }

    /** How many steps and timers are on time, late, missed, skipped, pending and not needed. */
    @Serdeable
    public record Summary(int onTime, int late, int missed, int skipped, int pending, int notNeeded) {
    }
}
