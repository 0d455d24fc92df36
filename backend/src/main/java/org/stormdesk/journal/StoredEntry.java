package org.stormdesk.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An entry as the journal keeps it: numbered ({@code seq}, gap-free, in the order accepted), stamped with
 * when the server received it, and chained to the entry before it in the same incident.
 */
@Serdeable
public record StoredEntry(
        long seq,
        UUID id,
        String kind,
        @Nullable UUID incident,
        String actor,
        String device,
        Instant recordedAt,
        Instant receivedAt,
        Map<String, Object> payload,
        String prevHash,
        String hash) {

    public @Nullable String text(String field) {
        Object value = payload.get(field);
        return value == null ? null : value.toString();
    }
}
