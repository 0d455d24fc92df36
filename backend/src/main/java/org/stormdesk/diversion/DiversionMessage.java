package org.stormdesk.diversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message of the library: an IVR announcement, a call script or a chat auto-reply, in the three languages
 * ({@code zh-CN}, {@code en}, {@code zh-TW}); only approved ones can be switched on. {@code incidentId} and
 * {@code activatedAt} are set when it is live.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiversionMessage(UUID id, String channel, String title, Map<String, String> texts, @Nullable String approvedBy,
                               @Nullable Instant approvedAt, @Nullable UUID incidentId, @Nullable String activatedBy,
                               @Nullable Instant activatedAt) {
}
