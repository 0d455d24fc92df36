package org.stormdesk.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A proposed reallocation of the open outbound tasks (S7.4), for the manager to review and apply.
 *
 * @param needed    whether any task would change agent
 * @param basis     names exactly this proposal (the tasks as they stand and the moves): applying it with another basis
 *                  is refused, so what is applied is what was reviewed
 * @param moves     the tasks that change agent (to null: nobody has room for it)
 * @param agents    the outbound agents of the day with their room and their lists' sizes before and after
 * @param uncovered the open tasks nobody can do in time (most important first; at most a page of them)
 * @param pulled    outbound agents now pulled onto the inbound lines, whose tasks must go to others
 * @param incident  the incident the pulled agents were moved for (the surge this answers), if any
 * @param orphaned  open tasks whose agent is pulled, off shift, or not an outbound agent today
 * @param unassigned open tasks with no agent now
 * @param names     the display name of everyone the proposal names (agents, pulled agents, present agents of moved tasks)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reallocation(String basis, boolean needed, Instant computedAt, int open, int covered, int uncoveredCount,
                           List<Move> moves, List<AgentLoad> agents, List<Move> uncovered,
                           List<String> pulled, @Nullable UUID incident, int orphaned, int unassigned,
                           Map<String, String> names) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Move(UUID taskId, String campaign, String customerName, int priority, Instant dueAt,
                       @Nullable String skill, @Nullable String from, @Nullable String to) {
    }

    /** {@code capacity}: calls the agent can still make today; {@code before}/{@code after}: open tasks in their list. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentLoad(String username, String displayName, int capacity, Instant availableFrom, Instant until,
                            List<String> skills, int before, int after) {
    }
}
