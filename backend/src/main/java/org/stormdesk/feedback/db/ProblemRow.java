package org.stormdesk.feedback.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code feedback_problem}: one suspected problem, as its entries and its contacts left it. */
@MappedEntity("feedback_problem")
public record ProblemRow(
        @Id UUID id,
        String label,
        String keysText,
        @Nullable String product,
        @Nullable String reason,
        int contacts,
        int flags,
        double currentLevel,
        double expectedLevel,
        Instant firstSeen,
        Instant raisedAt,
        Instant lastSeen,
        String samples,
        @Nullable UUID ruleId,
        @Nullable String department,
        @Nullable String departmentName,
        String audience,
        Instant answerDueAt,
        @Nullable Instant claimedUntil,
        @Nullable Instant escalatedAt,
        String state,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt,
        @Nullable Long verifySeconds,
        @Nullable UUID incidentId,
        @Nullable String note,
        long lastSeq) {
}
