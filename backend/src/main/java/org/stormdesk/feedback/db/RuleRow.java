package org.stormdesk.feedback.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code feedback_rule}: which department a matching problem goes to, and how soon it must answer. */
@MappedEntity("feedback_rule")
public record RuleRow(@Id UUID id, int position, String matchOn, String pattern, String department, String roles,
                      int answerMinutes, String createdBy, Instant createdAt) {
}
