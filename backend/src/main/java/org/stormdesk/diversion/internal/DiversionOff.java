package org.stormdesk.diversion.internal;

import jakarta.inject.Singleton;
import org.stormdesk.diversion.db.ActiveRepository;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;

/** Resolving an incident switches its diversion messages off (a projection of {@code incident.resolved}, so a rebuild agrees). */
@Singleton
public class DiversionOff implements JournalProjection {

    private final ActiveRepository active;

    public DiversionOff(ActiveRepository active) {
        this.active = active;
    }

    @Override
    public void apply(StoredEntry e) {
        if (EntryKinds.INCIDENT_RESOLVED.equals(e.kind()) && e.incident() != null) {
            active.offForIncident(e.incident());
        }
    }
}
