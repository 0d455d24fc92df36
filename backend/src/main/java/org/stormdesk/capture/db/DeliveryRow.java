package org.stormdesk.capture.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code capture_delivery}: one record the CRM webhook must post. state: pending, done, failed. */
@MappedEntity("capture_delivery")
public record DeliveryRow(@Id UUID recordId, String state, int attempts, Instant dueAt, @Nullable Instant claimedUntil,
                          @Nullable String lastError, Instant updatedAt) {
}
