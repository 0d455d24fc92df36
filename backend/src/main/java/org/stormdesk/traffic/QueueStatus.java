package org.stormdesk.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A queue now and around now, for the dashboard: the recent intervals as measured, the coming ones as forecast, each with
 * the expected volume and the agents staffed against required; and the surge under way, if any.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueStatus(Queue queue, @Nullable Point now, List<Point> recent, List<Point> forecast, @Nullable Surge surge) {

    /**
     * One interval: offered (measured, or forecast) against expected (the learned normal, null while learning), the
     * service level and speed of answer the staffed agents give (Erlang C, or A with patience), and the agents required.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(Instant at, double offered, @Nullable Double expected, @Nullable Integer staffed, int required,
                        @Nullable Double serviceLevel, @Nullable Double asa, @Nullable Integer waitingNow,
                        @Nullable Integer longestWait, @Nullable Integer abandoned) {
    }
}
