package org.stormdesk.feedback.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code feedback_flag}: an agent's "many customers are saying this". */
@MappedEntity("feedback_flag")
public record FlagRow(@Id UUID id, String text, @Nullable String reason, @Nullable String product, String flaggedBy,
                      Instant flaggedAt, @Nullable UUID problemId) {
}
