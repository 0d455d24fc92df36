package org.stormdesk.traffic;

import java.util.Set;

/** The journal entry kinds of pulling staff onto the lines (docs/sync-protocol.md). */
public final class StaffKinds {

    /** A manager moves a person on shift in outbound or support onto a queue: {username, queue}. */
    public static final String MOVED = "traffic.staff.moved";
    /** A manager sends a moved person back to their own work: {username}. */
    public static final String RETURNED = "traffic.staff.returned";

    public static final Set<String> ALL = Set.of(MOVED, RETURNED);
    /** The positions people are pulled from. */
    public static final Set<String> PULLED_FROM = Set.of("outbound", "support");

    private StaffKinds() {
    }
}
