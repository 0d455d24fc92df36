package org.stormdesk.diversion;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class DiversionKinds {

    /** A manager switches an approved message on for an incident: {message}. */
    public static final String ACTIVATED = "diversion.activated";
    /** A manager switches it off again: {message}. Resolving the incident switches all of its messages off. */
    public static final String DEACTIVATED = "diversion.deactivated";

    public static final Set<String> ALL = Set.of(ACTIVATED, DEACTIVATED);
    public static final Set<String> CHANNELS = Set.of("ivr", "chat", "script");

    private DiversionKinds() {
    }
}
