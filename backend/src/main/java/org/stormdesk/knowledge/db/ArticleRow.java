package org.stormdesk.knowledge.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code knowledge_article}: the current version of one article. */
@MappedEntity("knowledge_article")
public record ArticleRow(
        @Id UUID id,
        String product,
        String tags,
        @Nullable String titleZhCn,
        @Nullable String titleEn,
        @Nullable String titleZhTw,
        @Nullable String bodyZhCn,
        @Nullable String bodyEn,
        @Nullable String bodyZhTw,
        int version,
        boolean archived,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {
}
