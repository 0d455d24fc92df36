package org.stormdesk.feedback;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A routing rule: a suspected problem whose {@code matchOn} (product, reason or phrase) matches {@code pattern}
 * goes to {@code department} (a contact of the contacts directory) and the extra {@code roles}, and must be answered
 * within {@code answerMinutes}.
 */
@Serdeable
public record Rule(UUID id, int position, String matchOn, String pattern, String department, String departmentName,
                   List<String> roles, int answerMinutes, String createdBy, Instant createdAt) {

    public static final List<String> MATCH_ON = List.of("product", "reason", "phrase");
}
