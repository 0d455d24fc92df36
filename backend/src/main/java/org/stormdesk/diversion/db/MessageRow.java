package org.stormdesk.diversion.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code diversion_message}. */
@MappedEntity("diversion_message")
public record MessageRow(@Id UUID id, String channel, String title, @Nullable String textZhCn, @Nullable String textEn,
                         @Nullable String textZhTw, String createdBy, Instant createdAt, @Nullable String approvedBy,
                         @Nullable Instant approvedAt) {
}
