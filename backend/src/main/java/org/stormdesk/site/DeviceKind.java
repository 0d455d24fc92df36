package org.stormdesk.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of equipment at a seat, one of each at most. */
public enum DeviceKind {
    PC, MONITOR, HEADSET, PHONE;

    /** What a fault report names when it names no device: the seat as a whole. */
    public static final String WHOLE_SEAT = "seat";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}
