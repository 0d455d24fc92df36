package org.stormdesk.escalation.internal;

import jakarta.inject.Singleton;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;

/**
 * Starts and stops incidents' playbooks from the incident entries, inside the transaction that stores them,
 * so an incident is never open without its timers: opening snapshots the playbook version and makes the
 * timers' first levels; an earlier report moves them back; acknowledging and resolving cancel what they make
 * unnecessary.
 */
@Singleton
public class EscalationProjection implements JournalProjection {

    private final Plans plans;

    public EscalationProjection(Plans plans) {
        this.plans = plans;
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case EntryKinds.INCIDENT_OPENED -> plans.opened(e);
            case EntryKinds.REPORT_FILED -> plans.reported(e);
            case EntryKinds.INCIDENT_ACKNOWLEDGED -> plans.incidentAcknowledged(e);
            case EntryKinds.INCIDENT_RESOLVED -> plans.incidentResolved(e);
            default -> {
                // not an incident's life: nothing to start or stop
            }
        }
    }

    @Override
    public void reset() {
        plans.reset();
    }
}
