package org.stormdesk.traffic.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.journal.JournalListener;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.traffic.StaffDesk;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** When an incident is resolved, everyone moved onto the lines for it is sent back (notified, logged), by the server. */
@Singleton
public class StaffReturn implements JournalListener {

    private static final Logger LOG = LoggerFactory.getLogger(StaffReturn.class);

    private final BeanProvider<StaffDesk> staff;
    private final ExecutorService returning = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "traffic-staff-return");
        t.setDaemon(true);
        return t;
    });

    public StaffReturn(BeanProvider<StaffDesk> staff) {
        this.staff = staff;
    }

    @Override
    public void stored(List<StoredEntry> entries) {
        for (StoredEntry e : entries) {
            if (EntryKinds.INCIDENT_RESOLVED.equals(e.kind()) && e.incident() != null) {
                returning.submit(() -> {
                    try {
                        staff.get().sendBackAll(e.incident());
                    } catch (RuntimeException failure) {
                        LOG.warn("Could not send back the staff moved for incident {}", e.incident(), failure);
                    }
                });
            }
        }
    }
}
