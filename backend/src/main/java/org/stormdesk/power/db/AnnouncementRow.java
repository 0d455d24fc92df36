package org.stormdesk.power.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code power_announcement}. */
@MappedEntity("power_announcement")
public record AnnouncementRow(@Id UUID id, @Nullable String site, @Nullable UUID outage, @Nullable String textZhCn,
                              @Nullable String textEn, @Nullable String textZhTw, String postedBy, Instant postedAt,
                              long seq) {
}
