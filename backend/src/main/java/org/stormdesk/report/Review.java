package org.stormdesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.incident.LogLine;
import org.stormdesk.journal.ChainCheck;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resolved incident's review: the incident's facts, the template's texts (empty until a manager writes them),
 * the follow-up actions, and the timeline drawn from the management log with its hash-chain check.
 *
 * @param state none (not written yet), draft or approved
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Review(
        UUID incidentId,
        String kind,
        String severity,
        @Nullable String site,
        boolean drill,
        Instant startedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant recoveredAt,
        String state,
        int version,
        String whatHappened,
        String impact,
        String wentWell,
        String toChange,
        @Nullable String writtenBy,
        @Nullable Instant writtenAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        List<FollowUp> actions,
        List<LogLine> timeline,
        ChainCheck chain) {
}
