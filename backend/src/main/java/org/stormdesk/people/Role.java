package org.stormdesk.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does in an emergency (DESIGN.md, "People"). Role names on the wire are the lower-case names. */
public enum Role {
    AGENT, SUPERVISOR, MANAGER, LEADERSHIP, MAINTENANCE, SPOKESPERSON, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
    }
}
