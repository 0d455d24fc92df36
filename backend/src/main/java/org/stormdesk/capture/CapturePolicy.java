package org.stormdesk.capture;

import org.stormdesk.journal.Actor;

/**
 * Who may do what with captured customers, and who sees their personal data.
 * <ul>
 *   <li>capture: agents, supervisors, managers and administrators (the people who talk to customers, and admin).</li>
 *   <li>lists: agents list only their own records, in full (they typed them); supervisors and managers (who do
 *       the back-fill) and administrators list everyone's, with phone numbers and account ids masked except on
 *       their own records; leadership, maintenance and spokespersons see the counts only.</li>
 *   <li>one full record (unmasked): its author, supervisors, managers and administrators; every such view by
 *       someone other than the author is audited.</li>
 *   <li>back-fill (mark back-filled or rejected, export, import): supervisors, managers, administrators; the
 *       server itself for the CRM webhook's answers.</li>
 *   <li>settings (webhook, retention), the audit of views and the purge: administrators.</li>
 * </ul>
 */
public final class CapturePolicy {

    public static final String[] CAPTURERS = {"agent", "supervisor", "manager", "admin"};
    public static final String[] BACKFILLERS = {"supervisor", "manager", "admin"};
    public static final String[] COUNT_READERS = {"agent", "supervisor", "manager", "leadership", "maintenance",
            "spokesperson", "admin"};

    private CapturePolicy() {
    }

    public static boolean mayCapture(Actor actor) {
        return actor.hasAny(CAPTURERS);
    }

    public static boolean mayBackfill(Actor actor) {
        return actor.hasAny(BACKFILLERS) || Actor.SYSTEM.username().equals(actor.username());
    }

    /** Whether the reader lists everyone's records (otherwise only their own). */
    public static boolean listsAll(Actor reader) {
        return reader.hasAny(BACKFILLERS);
    }

    /** Whether the reader may list records at all. */
    public static boolean mayList(Actor reader) {
        return reader.hasAny(CAPTURERS);
    }

    /** Whether a record's phone number and account id are shown in full to the reader in a list. */
    public static boolean seesInFullInList(Actor reader, String capturedBy) {
        return reader.username().equals(capturedBy);
    }

    /** Whether the reader may open one record in full. */
    public static boolean mayOpen(Actor reader, String capturedBy) {
        return reader.username().equals(capturedBy) || reader.hasAny(BACKFILLERS);
    }

    public static boolean isAdmin(Actor reader) {
        return reader.hasAny("admin");
    }
}
