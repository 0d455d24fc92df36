package org.stormdesk.notify.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The server's VAPID key pair (RFC 8292), the only row of {@code notify_vapid}. */
@MappedEntity("notify_vapid")
public record VapidRow(@Id Integer id, String publicKey, String privateKey, Instant createdAt) {
}
