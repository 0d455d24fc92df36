package org.stormdesk.evacuation;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class EvacuationKinds {

    /** The answer to a fire alarm (S5.2): {answer: fault|test|real, site?, note?}; real starts the roll call. */
    public static final String FIRE_TRIAGED = "fire.triaged";
    /** Server only: the roll call of a real alarm, with the people it expects (S5.3). */
    public static final String ROLLCALL_STARTED = "rollcall.started";
    /** Server only: one part of the people a roll call expects (up to 50 each). */
    public static final String ROLLCALL_LISTED = "rollcall.listed";
    /** Someone accounted for: {username, status: safe|absent|missing, note?}, by themselves or a marshal. */
    public static final String ROLLCALL_MARKED = "rollcall.marked";
    /** The manager ends the roll call: {reason?} (a reason is needed while anyone is unaccounted for). */
    public static final String ROLLCALL_CLOSED = "rollcall.closed";
    /** An alarm zone's state, set by a person or the alarm panel (S5.1): {site, zone, state, note?}. */
    public static final String ZONE_SET = "alarm.zone.set";

    public static final Set<String> ALL = Set.of(FIRE_TRIAGED, ROLLCALL_STARTED, ROLLCALL_LISTED, ROLLCALL_MARKED, ROLLCALL_CLOSED, ZONE_SET);

    /** The notice the server records with a roll call's start carries this reason. */
    public static final String NOTICE_REASON_EVACUATE = "rollcall.started";
    /** ... and the one to the managers when a zone leaves its normal state. */
    public static final String NOTICE_REASON_ZONE = "alarm.zone.abnormal";

    private EvacuationKinds() {
    }
}
