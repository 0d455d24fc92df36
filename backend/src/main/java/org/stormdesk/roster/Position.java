package org.stormdesk.roster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does on a shift. Names on the wire are the lower-case names. */
public enum Position {
    INBOUND, OUTBOUND, CHAT, SUPPORT, SUPERVISOR, MANAGER, MAINTENANCE, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Position> parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
