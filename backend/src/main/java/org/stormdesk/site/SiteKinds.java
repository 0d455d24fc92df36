package org.stormdesk.site;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class SiteKinds {

    /** A supervisor or manager moves someone to a free working seat, or to other work (S1.2): {username, seat | work}. */
    public static final String SEAT_MOVED = "seat.moved";
    /** Someone sits down at a free working seat themselves: {seat}. */
    public static final String SEAT_TAKEN = "seat.taken";
    /** Someone leaves their seat (or their other work): {}. */
    public static final String SEAT_LEFT = "seat.left";
    /** Maintenance (or the manager) marks a faulty device fixed (S1.3, S1.4): {seat, device?, note?}. */
    public static final String EQUIPMENT_FIXED = "equipment.fixed";

    public static final Set<String> ALL = Set.of(SEAT_MOVED, SEAT_TAKEN, SEAT_LEFT, EQUIPMENT_FIXED);

    private SiteKinds() {
    }
}
