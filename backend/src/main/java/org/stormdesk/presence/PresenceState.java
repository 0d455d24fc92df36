package org.stormdesk.presence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a person on duty is: at their seat, waiting for a decision on leave, away with leave, away without. */
public enum PresenceState {
    PRESENT, ASKED, ON_LEAVE, AWAY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PresenceState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
