package org.stormdesk.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A fact as a device records it: its own id (the idempotency key), what happened, the incident it is
 * about when the device knows it, the device's clock, and the kind's own fields.
 *
 * @param actor who the device says recorded it; when given it must be the signed-in user
 */
@Serdeable
public record Entry(
        @Nullable UUID id,
        @Nullable String kind,
        @Nullable UUID incident,
        @Nullable Instant recordedAt,
        @Nullable Map<String, Object> payload,
        @Nullable String actor) {

    public Entry {
        payload = payload == null ? Map.of() : payload;
    }

    public static Entry of(UUID id, String kind, @Nullable UUID incident, Instant recordedAt, Map<String, Object> payload) {
        return new Entry(id, kind, incident, recordedAt, payload, null);
    }

    /** A text field of the payload, or null when it is missing or blank. */
    public @Nullable String text(String field) {
        Object value = payload.get(field);
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
