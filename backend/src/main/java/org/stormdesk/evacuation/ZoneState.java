package org.stormdesk.evacuation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The state of an alarm zone; every state but {@link #NORMAL} is out of the normal and shows on the safety screen. */
public enum ZoneState {
    NORMAL, ALARM, FAULT, ISOLATED, DISABLED, TEST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ZoneState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
