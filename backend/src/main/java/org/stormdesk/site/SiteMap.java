package org.stormdesk.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;
import org.stormdesk.site.db.EquipmentRepository;
import org.stormdesk.site.db.EquipmentRow;
import org.stormdesk.site.db.FaultRepository;
import org.stormdesk.site.db.FaultRow;
import org.stormdesk.site.db.FloorRepository;
import org.stormdesk.site.db.FloorRow;
import org.stormdesk.site.db.OccupancyRepository;
import org.stormdesk.site.db.OccupancyRow;
import org.stormdesk.site.db.OtherWorkRepository;
import org.stormdesk.site.db.OtherWorkRow;
import org.stormdesk.site.db.SeatRepository;
import org.stormdesk.site.db.SeatRow;
import org.stormdesk.site.db.SiteRepository;
import org.stormdesk.site.db.SiteRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The floor plan as the other capabilities and the seat map see it: sites, floors, seats, equipment, who sits where. */
@Singleton
public class SiteMap {

    /** The site seats belong to when nobody said otherwise. */
    public static final String FIRST_SITE = "hq";

    private final SeatRepository seats;
    private final SiteRepository sites;
    private final FloorRepository floors;
    private final EquipmentRepository equipment;
    private final OccupancyRepository occupancy;
    private final OtherWorkRepository otherWork;
    private final FaultRepository faults;
    private final People people;

    public SiteMap(SeatRepository seats, SiteRepository sites, FloorRepository floors, EquipmentRepository equipment,
                   OccupancyRepository occupancy, OtherWorkRepository otherWork, FaultRepository faults, People people) {
        this.seats = seats;
        this.sites = sites;
        this.floors = floors;
        this.equipment = equipment;
        this.occupancy = occupancy;
        this.otherWork = otherWork;
        this.faults = faults;
        this.people = people;
    }

    public List<Seat> seats() {
        return seats.findAllOrderByCode().stream().map(SiteMap::seat).toList();
    }

    public Optional<Seat> seat(String code) {
        return seats.findById(code).map(SiteMap::seat);
    }

    public boolean seatExists(String code) {
        return seats.existsById(code);
    }

    /** Whether the seat has a device of this kind ({@link DeviceKind#wire()}). */
    public boolean hasDevice(String seat, String device) {
        return equipment.existsById(EquipmentRow.idOf(seat, device));
    }

    @Transactional
    public void addSeatIfAbsent(Seat seat) {
        if (!seats.existsById(seat.code())) {
            seats.save(new SeatRow(seat.code(), seat.floor(), seat.zone(), seat.site(), seat.row(), seat.col()));
        }
    }

    /** Every site with its floors and how many seats each has. */
    public List<SiteSummary> sites() {
        Map<String, Long> counts = seats.findAllOrderByCode().stream()
                .collect(Collectors.groupingBy(s -> FloorRow.idOf(s.site(), s.floor()), Collectors.counting()));
        Map<String, List<FloorRow>> bySite = floors.findAllOrderBySiteAndCode().stream()
                .collect(Collectors.groupingBy(FloorRow::site, LinkedHashMap::new, Collectors.toList()));
        return sites.findAllOrderByCode().stream()
                .map(s -> new SiteSummary(s.code(), s.name(), bySite.getOrDefault(s.code(), List.of()).stream()
                        .map(f -> new SiteSummary.Floor(f.code(), f.name(), f.gridRows(), f.gridCols(),
                                counts.getOrDefault(f.id(), 0L).intValue()))
                        .toList()))
                .toList();
    }

    public boolean siteExists(String code) {
        return sites.existsById(code);
    }

    /** The live seat map of one floor. */
    public FloorMap floor(String site, String floor) {
        SiteRow siteRow = sites.findById(site).orElseThrow(() -> ProblemException.notFound("site.notFound", site));
        FloorRow floorRow = floors.findById(FloorRow.idOf(site, floor))
                .orElseThrow(() -> ProblemException.notFound("site.floor.notFound", floor));
        List<SeatRow> rows = seats.findBySiteAndFloorOrderByCode(site, floor);
        Set<String> codes = rows.stream().map(SeatRow::code).collect(Collectors.toSet());
        Floorwide state = state();
        List<FloorMap.SeatView> views = rows.stream().map(r -> view(r, state)).toList();
        List<FloorMap.OtherWork> others = otherWork.findAllOrderByUsername().stream()
                .filter(w -> homeSite(state.people.get(w.username())).map(site::equals).orElse(true))
                .map(w -> new FloorMap.OtherWork(w.username(), name(state, w.username()), w.work(), w.since(), w.movedBy()))
                .toList();
        if (codes.isEmpty()) {
            others = List.of();
        }
        return new FloorMap(site, siteRow.name(), floor, floorRow.name(), floorRow.gridRows(), floorRow.gridCols(),
                views, others);
    }

    /** A seat with each device's fault history and time to repair. */
    public SeatHistory history(String code) {
        SeatRow row = seats.findById(code).orElseThrow(() -> ProblemException.notFound("site.seat.notFound", code));
        List<FaultRow> all = faults.historyOf(code);
        Map<String, List<FaultRow>> byDevice = all.stream().collect(Collectors.groupingBy(FaultRow::device));
        List<SeatHistory.DeviceHistory> devices = new ArrayList<>();
        List<EquipmentRow> present = equipment.findBySeatOrderByKind(code);
        for (EquipmentRow e : present) {
            devices.add(deviceHistory(e.kind(), e.label(), byDevice.getOrDefault(e.kind(), List.of())));
        }
        // faults of the seat as a whole, or of a device no longer there
        byDevice.keySet().stream().filter(k -> present.stream().noneMatch(e -> e.kind().equals(k))).sorted()
                .forEach(k -> devices.add(deviceHistory(k, null, byDevice.get(k))));
        return new SeatHistory(seat(row), view(row, state()), devices);
    }

    /** Where a person is now, and their home seat from the directory. */
    public Placement placement(String username) {
        Optional<Person> person = people.find(username);
        String home = person.map(Person::seat).orElse(null);
        Optional<OccupancyRow> at = occupancy.findByUsername(username);
        if (at.isPresent()) {
            Optional<SeatRow> seat = seats.findById(at.get().seat());
            return new Placement(username, at.get().seat(), seat.map(SeatRow::site).orElse(null),
                    seat.map(SeatRow::floor).orElse(null), null, at.get().since(), home);
        }
        return otherWork.findById(username)
                .map(w -> new Placement(username, null, null, null, w.work(), w.since(), home))
                .orElse(new Placement(username, null, null, null, null, null, home));
    }

    /** Who sits at the seat now. */
    public Optional<String> occupantOf(String seat) {
        return occupancy.findById(seat).map(OccupancyRow::username);
    }

    /** Whether a device (or, for {@code null}, any) at the seat is faulty now. */
    public boolean broken(String seat) {
        return !faults.openAt(seat).isEmpty();
    }

    /** The open faults at a seat. */
    public List<SeatHistory.Fault> openFaults(String seat) {
        return faults.openAt(seat).stream().map(SiteMap::fault).toList();
    }

    /** Every open fault, oldest first: maintenance's list. */
    public List<OpenFault> openFaults() {
        Map<String, SeatRow> bySeat = seats.findAllOrderByCode().stream().collect(Collectors.toMap(SeatRow::code, Function.identity()));
        return faults.open().stream().map(f -> {
            SeatRow s = bySeat.get(f.seat());
            return new OpenFault(f.id(), f.seat(), s == null ? null : s.site(), s == null ? null : s.floor(),
                    s == null ? null : s.zone(), f.device(), f.incident(), f.reportedBy(), f.startedAt(), f.reports(),
                    occupancy.findById(f.seat()).map(OccupancyRow::username).orElse(null));
        }).toList();
    }

    /**
     * The seat to propose for a person who must move (S1.2): by {@link SeatProposalPolicy}, from the seat they sit
     * at (or their home seat).
     */
    public Optional<Seat> propose(String username) {
        Placement p = placement(username);
        String fromCode = p.seat() != null ? p.seat() : p.homeSeat();
        Map<String, Set<String>> kinds = equipment.findAllOrderBySeatAndKind().stream()
                .collect(Collectors.groupingBy(EquipmentRow::seat, Collectors.mapping(EquipmentRow::kind, Collectors.toSet())));
        List<SeatRow> all = seats.findAllOrderByCode();
        Set<String> taken = occupancy.findAllOrderBySeat().stream().map(OccupancyRow::seat).collect(Collectors.toSet());
        Set<String> broken = faults.open().stream().map(FaultRow::seat).collect(Collectors.toSet());
        SeatProposalPolicy.Candidate from = all.stream().filter(s -> s.code().equals(fromCode)).findFirst()
                .map(s -> candidate(s, kinds)).orElse(null);
        List<SeatProposalPolicy.Candidate> free = all.stream()
                .filter(s -> !taken.contains(s.code()) && !broken.contains(s.code()))
                .map(s -> candidate(s, kinds)).toList();
        return SeatProposalPolicy.propose(from, free)
                .flatMap(c -> all.stream().filter(s -> s.code().equals(c.code())).findFirst()).map(SiteMap::seat);
    }

    private static SeatProposalPolicy.Candidate candidate(SeatRow s, Map<String, Set<String>> kinds) {
        return new SeatProposalPolicy.Candidate(s.code(), s.site(), s.floor(), s.gridRow(), s.gridCol(),
                kinds.getOrDefault(s.code(), Set.of()));
    }

    private SeatHistory.DeviceHistory deviceHistory(String kind, @Nullable String label, List<FaultRow> rows) {
        List<SeatHistory.Fault> list = rows.stream().sorted(Comparator.comparing(FaultRow::startedAt).reversed())
                .map(SiteMap::fault).toList();
        Long mttr = list.stream().filter(f -> f.repairMinutes() != null).mapToLong(SeatHistory.Fault::repairMinutes)
                .boxed().collect(Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.isEmpty() ? null : Math.round(l.stream().mapToLong(Long::longValue).average().orElse(0))));
        return new SeatHistory.DeviceHistory(kind, label, list.size(), mttr, list);
    }

    private static SeatHistory.Fault fault(FaultRow f) {
        Long minutes = f.fixedAt() == null ? null : Duration.between(f.startedAt(), f.fixedAt()).toMinutes();
        return new SeatHistory.Fault(f.id(), f.incident(), f.reportedBy(), f.startedAt(), f.reports(), f.fixedAt(),
                f.fixedBy(), f.note(), minutes);
    }

    private Floorwide state() {
        Map<String, OccupancyRow> bySeat = new HashMap<>();
        occupancy.findAllOrderBySeat().forEach(o -> bySeat.put(o.seat(), o));
        Map<String, List<FaultRow>> open = faults.open().stream().collect(Collectors.groupingBy(FaultRow::seat));
        Map<String, List<EquipmentRow>> devices = equipment.findAllOrderBySeatAndKind().stream()
                .collect(Collectors.groupingBy(EquipmentRow::seat));
        Map<String, Person> everyone = people.all().stream().collect(Collectors.toMap(Person::username, Function.identity()));
        return new Floorwide(bySeat, open, devices, everyone);
    }

    private FloorMap.SeatView view(SeatRow r, Floorwide state) {
        List<FaultRow> open = state.open.getOrDefault(r.code(), List.of());
        Map<String, FaultRow> openByDevice = new HashMap<>();
        open.forEach(f -> openByDevice.putIfAbsent(f.device(), f));
        List<FloorMap.Device> devices = state.devices.getOrDefault(r.code(), List.of()).stream().map(e -> {
            FaultRow f = openByDevice.get(e.kind());
            return new FloorMap.Device(e.kind(), e.label(), f != null, f == null ? null : f.startedAt(),
                    f == null ? null : f.incident());
        }).collect(Collectors.toCollection(ArrayList::new));
        FaultRow whole = openByDevice.get(DeviceKind.WHOLE_SEAT);
        if (whole != null) {
            devices.add(new FloorMap.Device(DeviceKind.WHOLE_SEAT, null, true, whole.startedAt(), whole.incident()));
        }
        OccupancyRow who = state.occupancy.get(r.code());
        String status = !open.isEmpty() ? "broken" : who != null ? "taken" : "free";
        UUID incident = open.isEmpty() ? null : open.getFirst().incident();
        return new FloorMap.SeatView(r.code(), r.zone(), r.gridRow(), r.gridCol(), status, devices,
                who == null ? null : who.username(), who == null ? null : name(state, who.username()),
                who == null ? null : who.since(), incident);
    }

    private static String name(Floorwide state, String username) {
        Person p = state.people.get(username);
        return p == null ? username : p.displayName();
    }

    private Optional<String> homeSite(@Nullable Person person) {
        if (person == null || person.seat() == null) {
            return Optional.empty();
        }
        return seats.findById(person.seat()).map(SeatRow::site);
    }

    private static Seat seat(SeatRow r) {
        return new Seat(r.code(), r.floor(), r.zone(), r.site(), r.gridRow(), r.gridCol());
    }

    private record Floorwide(Map<String, OccupancyRow> occupancy, Map<String, List<FaultRow>> open,
                             Map<String, List<EquipmentRow>> devices, Map<String, Person> people) {
    }
}
