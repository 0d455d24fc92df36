package org.stormdesk.media.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code media_inquiry}: one inquiry of the media register, as its entries left it. */
@MappedEntity("media_inquiry")
public record InquiryRow(
        @Id UUID id,
        @Nullable UUID incidentId,
        String outlet,
        String name,
        String position,
        String subject,
        String contact,
        @Nullable String deadline,
        @Nullable String language,
        boolean reminderShown,
        String state,
        String filedBy,
        Instant filedAt,
        Instant recordedAt,
        Instant ackDueAt,
        @Nullable Instant claimedUntil,
        @Nullable Instant escalatedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable String referredTo,
        @Nullable String referredBy,
        @Nullable Instant referredAt,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        @Nullable String note,
        long lastSeq) {
}
