package org.stormdesk.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An announcement as people read it, in their language when it was written in it (else in the one it was written in).
 *
 * @param active still on the banner ({@link PowerSettings#bannerFor()})
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Announcement(UUID id, String text, @Nullable String site, @Nullable UUID outage, String postedBy,
                           Instant postedAt, boolean active) {
}
