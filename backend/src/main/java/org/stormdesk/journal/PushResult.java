package org.stormdesk.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * What became of one pushed entry: stored now (with the incident it belongs to), stored before (duplicate),
 * or refused for good with a reason.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushResult(@Nullable UUID id, String status, @Nullable Long seq, @Nullable UUID incident, @Nullable String reason) {

    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";
    public static final String REFUSED = "refused";

    /** Stored now, with its sequence number and the incident it belongs to (for a report: the one it joined). */
    public static PushResult stored(UUID id, long seq, @Nullable UUID incident) {
        return new PushResult(id, STORED, seq, incident, null);
    }

    public static PushResult duplicate(UUID id, long seq) {
        return new PushResult(id, DUPLICATE, seq, null, null);
    }

    public static PushResult refused(@Nullable UUID id, String reason) {
        return new PushResult(id, REFUSED, null, null, reason);
    }

    public boolean accepted() {
        return !REFUSED.equals(status);
    }
}
