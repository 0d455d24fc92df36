package org.stormdesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A resolved incident in the list of reviews: whether its review is written or approved, and its open actions. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewSummary(UUID incidentId, String kind, String severity, @Nullable String site, boolean drill,
                            Instant startedAt, @Nullable Instant recoveredAt, String state, int openActions,
                            int overdueActions) {
}
