package org.stormdesk.traffic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One interval of one queue as the platform measured it. Everything is nullable on the way in, so that a missing field
 * is refused with its name rather than failing the whole batch.
 *
 * @param aht         average handle time of the interval, seconds
 * @param waitingNow  contacts waiting at the end of the interval
 * @param longestWait the longest wait at the end of the interval, seconds
 */
@Serdeable
public record Sample(@Nullable String queue, @Nullable String channel, @Nullable Instant intervalStart,
                     @Nullable Integer intervalSeconds, @Nullable Integer offered, @Nullable Integer answered,
                     @Nullable Integer abandoned, @Nullable Double aht, @Nullable Integer waitingNow,
                     @Nullable Integer longestWait, @Nullable Integer agentsStaffed, @Nullable Integer agentsAvailable) {

    public Instant intervalEnd() {
        return intervalStart.plusSeconds(intervalSeconds);
    }
}
