package org.stormdesk.capture;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class CaptureKinds {

    /** A customer taken down by hand while the systems were down (S2.5, S2.6). */
    public static final String CAPTURED = "customer.captured";
    /** A captured customer entered into the CRM, with the CRM's reference. */
    public static final String BACKFILLED = "customer.backfilled";
    /** A captured customer that will not go into the CRM, with why. */
    public static final String BACKFILL_REJECTED = "customer.backfill-rejected";
    /** The server purged captured customers older than the retention period (server only). */
    public static final String PURGED = "customer.purged";

    public static final Set<String> ALL = Set.of(CAPTURED, BACKFILLED, BACKFILL_REJECTED, PURGED);

    private CaptureKinds() {
    }
}
