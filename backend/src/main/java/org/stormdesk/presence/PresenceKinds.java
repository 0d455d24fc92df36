package org.stormdesk.presence;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class PresenceKinds {

    /** A person asks to leave: {@code reason}, {@code expectedBackAt}. */
    public static final String LEAVE_REQUESTED = "presence.leave-requested";
    /** The manager (or a team lead) allows or refuses a request: {@code request}, {@code allowed}, {@code note}?. */
    public static final String LEAVE_DECIDED = "presence.leave-decided";
    /** A person is back at their seat. */
    public static final String RETURNED = "presence.returned";
    /**
     * A person is away without leave: marked by themselves, by a manager ({@code username}), or by the server when
     * their app stopped answering ({@code username}, {@code reason: silent}).
     */
    public static final String AWAY = "presence.away";

    public static final Set<String> ALL = Set.of(LEAVE_REQUESTED, LEAVE_DECIDED, RETURNED, AWAY);

    private PresenceKinds() {
    }
}
