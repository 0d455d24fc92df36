package org.stormdesk.notify.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code notify_channel}: a channel's settings (a JSON object) and whether it is on. */
@MappedEntity("notify_channel")
public record ChannelRow(@Id String channel, boolean enabled, String settings, Instant updatedAt, String updatedBy) {
}
