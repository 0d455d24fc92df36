package org.stormdesk.capture;

import java.util.Locale;
import java.util.Optional;

/** Where a captured customer stands on the way into the CRM. */
public enum RecordState {
    /** Taken down, not yet in the CRM: outstanding. */
    CAPTURED,
    /** In the CRM, with its reference. */
    BACKFILLED,
    /** Will not go into the CRM, with a reason. */
    REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordState> parse(String s) {
        for (RecordState state : values()) {
            if (state.wire().equals(s)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
