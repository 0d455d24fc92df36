package org.stormdesk.power;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class PowerKinds {

    /** A short announcement to the staff on shift: {text, language?, site?, outage?}. */
    public static final String ANNOUNCEMENT_POSTED = "announcement.posted";
    /** Recorded by the server when a planned outage's window opens: its plan starts. {outage} */
    public static final String OUTAGE_STARTED = "outage.started";
    /** An item of an outage's plan is done: {outage, item}. */
    public static final String OUTAGE_ITEM_DONE = "outage.item.done";

    /** Why the notices of an announcement were sent. */
    public static final String NOTICE_REASON = "power.announcement";

    public static final Set<String> ALL = Set.of(ANNOUNCEMENT_POSTED, OUTAGE_STARTED, OUTAGE_ITEM_DONE);

    private PowerKinds() {
    }
}
