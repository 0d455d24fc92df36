package org.stormdesk.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.SiteCode;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.site.db.EquipmentRepository;
import org.stormdesk.site.db.EquipmentRow;
import org.stormdesk.site.db.FaultRepository;
import org.stormdesk.site.db.FloorRepository;
import org.stormdesk.site.db.FloorRow;
import org.stormdesk.site.db.OccupancyRepository;
import org.stormdesk.site.db.SeatRepository;
import org.stormdesk.site.db.SeatRow;
import org.stormdesk.site.db.SiteRepository;
import org.stormdesk.site.db.SiteRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What people do on the floor through the API: the admin draws sites and floors; supervisors and managers move
 * people (S1.2); people take a seat; maintenance marks devices fixed (S1.3). Moves and fixes are journal entries,
 * exactly as a device's queued entry would be; drawing the floor is plain configuration.
 */
@Singleton
public class FloorDesk {

    /** The device name for entries recorded through the API rather than a device's queue. */
    public static final String API_DEVICE = "api";
    static final Pattern SITE_CODE = SiteCode.PATTERN;
    static final Pattern FLOOR_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    static final Pattern SEAT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    static final int MAX_GRID = 60;
    static final int MAX_SEATS = 2000;

    private final Journal journal;
    private final SiteMap map;
    private final SiteRepository sites;
    private final FloorRepository floors;
    private final SeatRepository seats;
    private final EquipmentRepository equipment;
    private final OccupancyRepository occupancy;
    private final FaultRepository faults;
    private final Clock clock;

    public FloorDesk(Journal journal, SiteMap map, SiteRepository sites, FloorRepository floors, SeatRepository seats,
                     EquipmentRepository equipment, OccupancyRepository occupancy, FaultRepository faults, Clock clock) {
        this.journal = journal;
        this.map = map;
        this.sites = sites;
        this.floors = floors;
        this.seats = seats;
        this.equipment = equipment;
        this.occupancy = occupancy;
        this.faults = faults;
        this.clock = clock;
    }

    /** Adds or renames a site. */
    @Transactional
    public SiteSummary saveSite(String code, @Nullable String name) {
        if (code == null || !SITE_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "site.plan.siteCode");
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            throw ProblemException.invalid("name", "field.required");
        }
        if (sites.existsById(code)) {
            sites.update(new SiteRow(code, name.strip()));
        } else {
            sites.save(new SiteRow(code, name.strip()));
        }
        return map.sites().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    /**
     * Saves a floor as drawn: its grid and every seat on it with its equipment. All or nothing; each problem is a
     * field error ({@code seats[3].code}). Seats left out are removed, unless someone sits there or a device is faulty.
     */
    @Transactional
    public FloorMap saveFloor(String site, String floor, FloorPlan plan) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (site == null || !SITE_CODE.matcher(site).matches()) {
            errors.add(new ProblemException.Field("site", "site.plan.siteCode"));
        }
        if (floor == null || !FLOOR_CODE.matcher(floor).matches()) {
            errors.add(new ProblemException.Field("floor", "site.plan.floorCode"));
        }
        String name = plan.name() == null || plan.name().isBlank() ? floor : plan.name().strip();
        if (name != null && name.length() > 80) {
            errors.add(new ProblemException.Field("name", "field.tooLong", 80));
        }
        int rows = plan.rows() == null ? 0 : plan.rows();
        int cols = plan.cols() == null ? 0 : plan.cols();
        if (rows < 1 || rows > MAX_GRID) {
            errors.add(new ProblemException.Field("rows", "site.plan.gridSize", MAX_GRID));
        }
        if (cols < 1 || cols > MAX_GRID) {
            errors.add(new ProblemException.Field("cols", "site.plan.gridSize", MAX_GRID));
        }
        List<FloorPlan.PlannedSeat> planned = plan.seats() == null ? List.of() : plan.seats();
        if (planned.size() > MAX_SEATS) {
            errors.add(new ProblemException.Field("seats", "site.plan.tooManySeats", MAX_SEATS));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<String> codes = new HashSet<>();
        Set<String> squares = new HashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            FloorPlan.PlannedSeat s = planned.get(i);
            String at = "seats[" + i + "]";
            if (s == null || s.code() == null || !SEAT_CODE.matcher(s.code()).matches()) {
                errors.add(new ProblemException.Field(at + ".code", "site.plan.seatCode"));
                continue;
            }
            if (!codes.add(s.code())) {
                errors.add(new ProblemException.Field(at + ".code", "site.plan.seatTwice", s.code()));
            }
            seats.findById(s.code()).filter(r -> !(r.site().equals(site) && r.floor().equals(floor)))
                    .ifPresent(r -> errors.add(new ProblemException.Field(at + ".code", "site.plan.seatElsewhere",
                            s.code(), r.site(), r.floor())));
            if (s.zone() != null && s.zone().length() > 20) {
                errors.add(new ProblemException.Field(at + ".zone", "field.tooLong", 20));
            }
            if (s.row() == null || s.col() == null || s.row() < 0 || s.row() >= rows || s.col() < 0 || s.col() >= cols) {
                errors.add(new ProblemException.Field(at + ".row", "site.plan.offGrid", rows, cols));
            } else if (!squares.add(s.row() + ":" + s.col())) {
                errors.add(new ProblemException.Field(at + ".row", "site.plan.squareTaken", s.row() + 1, s.col() + 1));
            }
            Set<String> kinds = new HashSet<>();
            List<FloorPlan.PlannedDevice> devices = s.equipment() == null ? List.of() : s.equipment();
            for (int j = 0; j < devices.size(); j++) {
                FloorPlan.PlannedDevice d = devices.get(j);
                String dat = at + ".equipment[" + j + "]";
                if (d == null || d.kind() == null || DeviceKind.parse(d.kind()).isEmpty()) {
                    errors.add(new ProblemException.Field(dat + ".kind", "site.plan.deviceKind"));
                } else if (!kinds.add(d.kind())) {
                    errors.add(new ProblemException.Field(dat + ".kind", "site.plan.deviceTwice", d.kind()));
                }
                if (d != null && d.label() != null && d.label().length() > 80) {
                    errors.add(new ProblemException.Field(dat + ".label", "field.tooLong", 80));
                }
            }
        }
        List<SeatRow> existing = seats.findBySiteAndFloorOrderByCode(site, floor);
        for (SeatRow r : existing) {
            if (!codes.contains(r.code()) && (occupancy.existsById(r.code()) || !faults.openAt(r.code()).isEmpty())) {
                errors.add(new ProblemException.Field("seats", "site.plan.seatInUse", r.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!sites.existsById(site)) {
            sites.save(new SiteRow(site, site));
        }
        FloorRow floorRow = new FloorRow(FloorRow.idOf(site, floor), site, floor, name, rows, cols);
        if (floors.existsById(floorRow.id())) {
            floors.update(floorRow);
        } else {
            floors.save(floorRow);
        }
        seats.clearSquares(site, floor);
        for (SeatRow r : existing) {
            if (!codes.contains(r.code())) {
                equipment.removeAt(r.code());
                seats.remove(r.code());
            }
        }
        for (FloorPlan.PlannedSeat s : planned) {
            SeatRow row = new SeatRow(s.code(), floor, s.zone() == null ? "" : s.zone().strip(), site, s.row(), s.col());
            if (seats.existsById(s.code())) {
                seats.update(row);
            } else {
                seats.save(row);
            }
            equipment.removeAt(s.code());
            for (FloorPlan.PlannedDevice d : s.equipment() == null ? List.<FloorPlan.PlannedDevice>of() : s.equipment()) {
                String label = d.label() == null || d.label().isBlank() ? null : d.label().strip();
                equipment.save(new EquipmentRow(EquipmentRow.idOf(s.code(), d.kind()), s.code(), d.kind(), label));
            }
        }
        return map.floor(site, floor);
    }

    /** Moves a person to a free working seat, or to other work (S1.2); refused when the seat is no longer free. */
    public PushResult move(Actor actor, String username, @Nullable String seat, @Nullable String work,
                           @Nullable UUID clientId, Locale locale) {
        if (seat != null && !map.seatExists(seat)) {
            throw ProblemException.notFound("site.seat.notFound", seat);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", username);
        if (seat != null) {
            payload.put("seat", seat);
        }
        if (work != null) {
            payload.put("work", work.strip());
        }
        return record(actor, clientId, SiteKinds.SEAT_MOVED, payload, locale, HttpStatus.CONFLICT);
    }

    /** The signed-in person sits down at a free working seat. */
    public PushResult take(Actor actor, String seat, @Nullable UUID clientId, Locale locale) {
        if (!map.seatExists(seat)) {
            throw ProblemException.notFound("site.seat.notFound", seat);
        }
        return record(actor, clientId, SiteKinds.SEAT_TAKEN, Map.of("seat", seat), locale, HttpStatus.CONFLICT);
    }

    /** The signed-in person leaves their seat (or their other work). */
    public PushResult leave(Actor actor, @Nullable UUID clientId, Locale locale) {
        return record(actor, clientId, SiteKinds.SEAT_LEFT, Map.of(), locale, HttpStatus.BAD_REQUEST);
    }

    /** Marks a faulty device at a seat fixed (all of the seat's faulty devices when none is named). */
    public PushResult fixed(Actor actor, String seat, @Nullable String device, @Nullable String note,
                            @Nullable UUID clientId, Locale locale) {
        if (!map.seatExists(seat)) {
            throw ProblemException.notFound("site.seat.notFound", seat);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("seat", seat);
        if (device != null && !device.isBlank()) {
            payload.put("device", device);
        }
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        return record(actor, clientId, SiteKinds.EQUIPMENT_FIXED, payload, locale, HttpStatus.BAD_REQUEST);
    }

    private PushResult record(Actor actor, @Nullable UUID clientId, String kind, Map<String, Object> payload,
                              Locale locale, HttpStatus whenRefused) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(API_DEVICE, actor, Entry.of(id, kind, null, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(whenRefused, "journal.refused", List.of(), result.reason());
        }
        return result;
    }
}
