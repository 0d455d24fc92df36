package org.stormdesk.notify.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code notify_push_subscription}: one device where a person receives Web Push notices. */
@MappedEntity("notify_push_subscription")
public record PushSubscriptionRow(@Id String id, String username, String endpoint, String p256dh, String auth,
                                  @Nullable String userAgent, Instant createdAt, @Nullable Instant lastOkAt) {
}
