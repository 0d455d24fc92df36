package org.stormdesk.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A detected surge of one queue: from the interval its evidence began to the interval it ended (null while on), the
 * interval that gave it away, and its peak against the expected volume.
 *
 * @param peakZ  the peak's standardized residual (standard deviations above the expected)
 * @param score  the highest CUSUM reached
 * @param action opened (an incident), proposed (waiting for a manager), replayed (found in imported history)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Surge(UUID id, String queue, Instant startedAt, Instant detectedAt, @Nullable Instant endedAt, Instant peakAt,
                    int peakOffered, double peakExpected, double peakZ, double score, String state, String action,
                    @Nullable UUID incidentId) {
}
