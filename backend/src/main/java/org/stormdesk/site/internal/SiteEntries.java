package org.stormdesk.site.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.people.People;
import org.stormdesk.site.DeviceKind;
import org.stormdesk.site.SiteKinds;
import org.stormdesk.site.db.FaultRepository;
import org.stormdesk.site.db.FaultRow;
import org.stormdesk.site.db.OccupancyRepository;
import org.stormdesk.site.db.OccupancyRow;
import org.stormdesk.site.db.OtherWorkRepository;
import org.stormdesk.site.db.OtherWorkRow;
import org.stormdesk.site.db.SeatRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges and applies the seat entries. A seat is given only when it is free and working, judged inside the
 * journal's one write transaction against everything stored before; {@code site_occupancy}'s keys refuse two
 * people on one seat (or one person on two) even if a rule here were wrong. A move off a broken seat belongs to the
 * seat's equipment incident, so it is in its management log (S1.2), as is the fix (S1.4).
 */
@Singleton
public class SiteEntries implements EntryHandler {

    static final String[] MOVE_ROLES = {"supervisor", "manager", "admin"};
    static final String[] FIX_ROLES = {"maintenance", "manager", "admin"};
    static final int MAX_WORK = 200;
    static final int MAX_NOTE = 500;

    private final SeatRepository seats;
    private final OccupancyRepository occupancy;
    private final OtherWorkRepository otherWork;
    private final FaultRepository faults;
    private final People people;

    public SiteEntries(SeatRepository seats, OccupancyRepository occupancy, OtherWorkRepository otherWork,
                       FaultRepository faults, People people) {
        this.seats = seats;
        this.occupancy = occupancy;
        this.otherWork = otherWork;
        this.faults = faults;
        this.people = people;
    }

    static boolean server(Actor actor) {
        return Actor.SYSTEM.username().equals(actor.username()) && actor.roles().contains("system");
    }

    @Override
    public boolean handles(String kind) {
        return SiteKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case SiteKinds.SEAT_MOVED -> judgeMove(entry, actor);
            case SiteKinds.SEAT_TAKEN -> judgeSeat(entry.text("seat"), actor.username());
            case SiteKinds.SEAT_LEFT -> Verdict.accept(null);
            case SiteKinds.EQUIPMENT_FIXED -> judgeFix(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeMove(Entry entry, Actor actor) {
        if (!server(actor) && !actor.hasAny(MOVE_ROLES)) {
            return Verdict.refuse("site.refused.moveRole");
        }
        String username = entry.text("username");
        if (username == null || (!server(actor) && people.find(username).isEmpty())) {
            return Verdict.refuse("site.refused.unknownPerson", username == null ? "" : username);
        }
        String seat = entry.text("seat");
        String work = entry.text("work");
        if ((seat == null) == (work == null)) {
            return Verdict.refuse("site.refused.seatOrWork");
        }
        UUID incident = brokenSeatIncidentOf(username);
        if (work != null) {
            return work.length() > MAX_WORK ? Verdict.refuse("site.refused.workTooLong", MAX_WORK) : Verdict.accept(incident);
        }
        Verdict verdict = judgeSeat(seat, username);
        return verdict instanceof Verdict.Refused ? verdict : Verdict.accept(incident);
    }

    /** A seat may be given to someone when it exists, works, and nobody else sits there. */
    private Verdict judgeSeat(@Nullable String seat, String username) {
        if (seat == null || !seats.existsById(seat)) {
            return Verdict.refuse("site.refused.unknownSeat", seat == null ? "" : seat);
        }
        Optional<OccupancyRow> there = occupancy.findById(seat);
        if (there.isPresent() && !there.get().username().equals(username)) {
            return Verdict.refuse("site.refused.seatTaken", seat, there.get().username());
        }
        if (!faults.openAt(seat).isEmpty()) {
            return Verdict.refuse("site.refused.seatBroken", seat);
        }
        return Verdict.accept(null);
    }

    /** The open equipment incident of the seat the person sits at, if it is broken. */
    private @Nullable UUID brokenSeatIncidentOf(String username) {
        return occupancy.findByUsername(username).map(o -> faults.openAt(o.seat()))
                .filter(l -> !l.isEmpty()).map(l -> l.getFirst().incident()).orElse(null);
    }

    private Verdict judgeFix(Entry entry, Actor actor) {
        if (!server(actor) && !actor.hasAny(FIX_ROLES)) {
            return Verdict.refuse("site.refused.fixRole");
        }
        String seat = entry.text("seat");
        if (seat == null || !seats.existsById(seat)) {
            return Verdict.refuse("site.refused.unknownSeat", seat == null ? "" : seat);
        }
        String device = entry.text("device");
        if (device != null && !DeviceKind.WHOLE_SEAT.equals(device) && DeviceKind.parse(device).isEmpty()) {
            return Verdict.refuse("site.refused.device", device);
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("site.refused.noteTooLong", MAX_NOTE);
        }
        List<FaultRow> open = openFaults(seat, device);
        if (open.isEmpty()) {
            return Verdict.refuse("site.refused.notFaulty", seat);
        }
        return Verdict.accept(open.getFirst().incident());
    }

    private List<FaultRow> openFaults(String seat, @Nullable String device) {
        return faults.openAt(seat).stream().filter(f -> device == null || f.device().equals(device)).toList();
    }

    @Override
    public void apply(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        switch (e.kind()) {
            case SiteKinds.SEAT_MOVED -> {
                String username = e.text("username");
                if (e.text("seat") != null) {
                    seat(username, e.text("seat"), at, e.actor(), e.seq());
                } else {
                    occupancy.vacate(username);
                    otherWork.end(username);
                    otherWork.save(new OtherWorkRow(username, e.text("work").strip(), at, e.actor(), e.seq()));
                }
            }
            case SiteKinds.SEAT_TAKEN -> seat(e.actor(), e.text("seat"), at, e.actor(), e.seq());
            case SiteKinds.SEAT_LEFT -> {
                occupancy.vacate(e.actor());
                otherWork.end(e.actor());
            }
            case SiteKinds.EQUIPMENT_FIXED -> {
                String note = e.text("note");
                for (FaultRow f : openFaults(e.text("seat"), e.text("device"))) {
                    faults.fixed(f.id(), at, e.actor(), note == null ? null : note.strip(), e.seq());
                }
            }
            default -> throw new IllegalArgumentException("Not a site entry: " + e.kind());
        }
    }

    private void seat(String username, String seat, Instant at, String by, long seq) {
        occupancy.vacate(username);
        otherWork.end(username);
        occupancy.save(new OccupancyRow(seat, username, at, by, seq));
    }

    @Override
    public void reset() {
        occupancy.forget();
        otherWork.forget();
    }
}
