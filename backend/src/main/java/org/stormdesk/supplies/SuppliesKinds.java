package org.stormdesk.supplies;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class SuppliesKinds {

    /** Someone counted a kind of supplies at a site: {site, kind, quantity, note?}. */
    public static final String COUNTED = "supplies.counted";

    /** The notice to the managers when a site stops being ready carries this reason. */
    public static final String NOTICE_REASON_NOT_READY = "supplies.notReady";

    private SuppliesKinds() {
    }
}
