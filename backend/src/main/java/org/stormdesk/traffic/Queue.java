package org.stormdesk.traffic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A queue the telephony or chat platform reports on.
 *
 * @param channel         voice or chat
 * @param intervalSeconds the length of its samples (900 for 15 minutes)
 * @param target          the service-level target, the share answered within {@code answerWithin} seconds
 * @param patience        callers' mean patience in seconds (Erlang A); null for Erlang C
 */
@Serdeable
public record Queue(String code, String name, String channel, int intervalSeconds, double target, int answerWithin,
                    @Nullable Integer patience) {
}
