package org.stormdesk.incident;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class EntryKinds {

    public static final String REPORT_FILED = "report.filed";
    public static final String NOTE_ADDED = "note.added";
    public static final String INCIDENT_OPENED = "incident.opened";
    public static final String INCIDENT_ACKNOWLEDGED = "incident.acknowledged";
    public static final String INCIDENT_RESOLVED = "incident.resolved";
    /** S2.2: the fault type and the severity, as the manager judged them. */
    public static final String INCIDENT_TRIAGED = "incident.triaged";

    private EntryKinds() {
    }
}
