package org.stormdesk.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One person on the manager's duty list: their shift (when the roster has one), their state, and what it rests on.
 *
 * @param state       present, asked, on_leave or away
 * @param awayReason  for away: self (they said so), marked (a manager did), silent (their app stopped answering),
 *                    unseen (on shift, never signed in to the app)
 * @param overdue     on leave past the time they said they would be back
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnDuty(
        String username,
        String displayName,
        @Nullable String position,
        @Nullable String site,
        @Nullable Instant shiftEndsAt,
        String state,
        @Nullable Instant since,
        @Nullable String awayReason,
        @Nullable UUID request,
        @Nullable String reason,
        @Nullable Instant expectedBackAt,
        @Nullable String decidedBy,
        boolean overdue,
        @Nullable Instant lastSeenAt) {
}
