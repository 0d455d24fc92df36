package org.stormdesk.feedback.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code feedback_contact}: one customer contact as the CRM or chat platform sent it. */
@MappedEntity("feedback_contact")
public record ContactRow(@Id UUID id, @Nullable String externalId, Instant contactAt, String channel,
                         @Nullable String reason, @Nullable String product, @Nullable String region,
                         @Nullable String text, Instant receivedAt, @Nullable UUID problemId) {
}
