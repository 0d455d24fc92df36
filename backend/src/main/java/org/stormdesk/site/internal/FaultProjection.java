package org.stormdesk.site.internal;

import jakarta.inject.Singleton;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.site.DeviceKind;
import org.stormdesk.site.db.FaultRepository;
import org.stormdesk.site.db.FaultRow;
import org.stormdesk.site.db.SeatRepository;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Each device's faults, from the incidents' entries: an equipment report naming a seat starts a fault of the device it
 * names (or of the seat as a whole), or counts again on the one already open; resolving the incident ends the faults
 * still open in it (maintenance's {@code equipment.fixed} ends them one by one, in {@link SiteEntries}).
 */
@Singleton
public class FaultProjection implements JournalProjection {

    static final String REPORT_FILED = "report.filed";
    static final String INCIDENT_RESOLVED = "incident.resolved";

    private final FaultRepository faults;
    private final SeatRepository seats;

    public FaultProjection(FaultRepository faults, SeatRepository seats) {
        this.faults = faults;
        this.seats = seats;
    }

    @Override
    public void apply(StoredEntry e) {
        if (REPORT_FILED.equals(e.kind())) {
            reported(e);
        } else if (INCIDENT_RESOLVED.equals(e.kind()) && e.incident() != null) {
            Instant at = recoveredAt(e);
            for (FaultRow f : faults.openOf(e.incident())) {
                faults.fixed(f.id(), at.isBefore(f.startedAt()) ? f.startedAt() : at, e.actor(), null, e.seq());
            }
        }
    }

    private void reported(StoredEntry e) {
        String seat = e.text("seat");
        if (!"equipment".equals(e.text("kind")) || seat == null || e.incident() == null || !seats.existsById(seat)) {
            return;
        }
        String named = e.text("device");
        String device = named != null && DeviceKind.parse(named).isPresent() ? named : DeviceKind.WHOLE_SEAT;
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        faults.openAt(seat).stream().filter(f -> f.device().equals(device)).findFirst().ifPresentOrElse(
                f -> faults.reportedAgain(f.id(), e.seq()),
                () -> faults.save(new FaultRow(e.id(), seat, device, e.incident(), e.actor(), at, 1, null, null, null,
                        false, e.seq())));
    }

    private static Instant recoveredAt(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        String given = e.text("recoveredAt");
        if (given != null) {
            try {
                at = Instant.parse(given).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException ignored) {
                // the incident refused it already
            }
        }
        return at.isAfter(e.receivedAt()) ? e.receivedAt() : at;
    }

    @Override
    public void reset() {
        faults.forget();
    }
}
