package org.stormdesk.capture.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code capture_record}: one captured customer, as its entries left it. */
@MappedEntity("capture_record")
public record RecordRow(
        @Id UUID id,
        @Nullable UUID incidentId,
        String name,
        String phone,
        @Nullable String accountId,
        String matter,
        String category,
        boolean callbackPromised,
        @Nullable Instant callbackDueAt,
        String source,
        @Nullable String paperFormNo,
        String state,
        String capturedBy,
        String device,
        Instant capturedAt,
        Instant recordedAt,
        @Nullable String crmReference,
        @Nullable String backfilledBy,
        @Nullable Instant backfilledAt,
        @Nullable String rejectReason,
        @Nullable String rejectedBy,
        @Nullable Instant rejectedAt,
        long lastSeq) {
}
