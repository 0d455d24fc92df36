package org.stormdesk.notify.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code notify_delivery}: one notice to one recipient on one channel, and how sending it went.
 *
 * @param state pending, sent, failed (to be tried again at {@code nextAttemptAt}) or given_up
 */
@MappedEntity("notify_delivery")
public record DeliveryRow(
        @Id UUID id,
        UUID entryId,
        String entryKind,
        @Nullable UUID incidentId,
        String recipient,
        String channel,
        @Nullable String address,
        String message,
        String state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant claimedUntil,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        @Nullable Instant readAt,
        Instant createdAt) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String GIVEN_UP = "given_up";
}
