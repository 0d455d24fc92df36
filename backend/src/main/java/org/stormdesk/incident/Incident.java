package org.stormdesk.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as people read it: its kind, severity and state, its times, and who reported it. A drill is flagged
 * ({@code drill}) and names its participants, the only people it notifies.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
        UUID id,
        String kind,
        String severity,
        String state,
        String scope,
        @Nullable String seat,
        Instant startedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant recoveredAt,
        @Nullable String resolvedBy,
        int reportCount,
        int reporterCount,
        long lastSeq,
        @Nullable List<Report> reports,
        boolean drill,
        @Nullable List<String> participants) {

    /** One report that joined the incident. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(UUID id, String reporter, @Nullable String seat, @Nullable String note, Instant recordedAt,
                         Instant receivedAt) {
    }
}
