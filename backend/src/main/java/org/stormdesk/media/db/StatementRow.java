package org.stormdesk.media.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code media_statement}: one version of a statement, with its review and approval. */
@MappedEntity("media_statement")
public record StatementRow(
        @Id UUID id,
        UUID statementId,
        int version,
        @Nullable UUID incidentId,
        String audience,
        @Nullable String textZhCn,
        @Nullable String textEn,
        @Nullable String textZhTw,
        String draftedBy,
        Instant draftedAt,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable String reviewNote,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt) {
}
