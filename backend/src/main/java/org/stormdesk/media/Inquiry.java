package org.stormdesk.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.media.db.InquiryRow;

import java.time.Instant;
import java.util.UUID;

/** An inquiry of the media register, as the manager, leadership and the spokesperson read it. */
@Serdeable
public record Inquiry(
        UUID id,
        @Nullable UUID incident,
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

    static Inquiry of(InquiryRow r) {
        return new Inquiry(r.id(), r.incidentId(), r.outlet(), r.name(), r.position(), r.subject(), r.contact(),
                r.deadline(), r.language(), r.reminderShown(), r.state(), r.filedBy(), r.filedAt(), r.recordedAt(),
                r.ackDueAt(), r.escalatedAt(), r.acknowledgedBy(), r.acknowledgedAt(), r.referredTo(), r.referredBy(),
                r.referredAt(), r.closedBy(), r.closedAt(), r.note(), r.lastSeq());
    }
}
