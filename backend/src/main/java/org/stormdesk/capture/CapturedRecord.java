package org.stormdesk.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A captured customer as a person reads it. {@code masked} says whether the phone number (and account id) are
 * hidden for this reader ({@link CapturePolicy} says who sees what).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapturedRecord(
        UUID id,
        @Nullable UUID incidentId,
        String name,
        String phone,
        boolean masked,
        @Nullable String accountId,
        String matter,
        String category,
        boolean callbackPromised,
        @Nullable Instant callbackDueAt,
        String source,
        @Nullable String paperFormNo,
        String state,
        String capturedBy,
        Instant capturedAt,
        Instant recordedAt,
        @Nullable String crmReference,
        @Nullable String backfilledBy,
        @Nullable Instant backfilledAt,
        @Nullable String rejectReason,
        @Nullable String rejectedBy,
        @Nullable Instant rejectedAt,
        long seq) {
}
