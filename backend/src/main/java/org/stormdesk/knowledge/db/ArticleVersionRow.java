package org.stormdesk.knowledge.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code knowledge_article_version}: one saved version of an article. */
@MappedEntity("knowledge_article_version")
public record ArticleVersionRow(
        @Id UUID id,
        UUID articleId,
        int version,
        String product,
        String tags,
        @Nullable String titleZhCn,
        @Nullable String titleEn,
        @Nullable String titleZhTw,
        @Nullable String bodyZhCn,
        @Nullable String bodyEn,
        @Nullable String bodyZhTw,
        boolean archived,
        String savedBy,
        Instant savedAt) {
}
