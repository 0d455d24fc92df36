package org.stormdesk.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.Settings;
import org.stormdesk.capture.CaptureRules;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.outbound.db.EventRepository;
import org.stormdesk.outbound.db.TaskRepository;
import org.stormdesk.outbound.db.TaskRow;
import org.stormdesk.outbound.internal.OutboundEntries;
import org.stormdesk.outbound.internal.PlanRules;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;
import org.stormdesk.traffic.StaffDesk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Outbound work through the API (S7.3, S7.4): the daily plan imported and given to the outbound agents of the day, each
 * agent's own list, the manager's view of the day, and the reallocation the manager reviews and applies. Every change is
 * a journal entry, exactly as a device's queued entry would be.
 */
@Singleton
public class OutboundDesk {

    /** What a plan file holds: one call per row (a header row first; {@code day} and {@code skill}, {@code note} optional). */
    public static final List<String> CSV_COLUMNS = List.of("campaign", "customer_name", "phone", "priority", "due_at", "skill", "note");
    static final int MAX_ROWS = 5000;
    static final int UNCOVERED_SHOWN = 50;
    static final Duration CLOSED_SHOWN = Duration.ofHours(24);
    static final String OUTBOUND = "outbound";
    /** The least time ahead that agents' room is counted over, even when every open call is already due. */
    static final Duration MIN_HORIZON = Duration.ofHours(1);

    private final Journal journal;
    private final TaskRepository tasks;
    private final EventRepository events;
    private final Roster roster;
    private final StaffDesk staff;
    private final People people;
    private final Messages messages;
    private final OutboundSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    public OutboundDesk(Journal journal, TaskRepository tasks, EventRepository events, Roster roster, StaffDesk staff,
                        People people, Messages messages, OutboundSettings settings, Settings center, Clock clock) {
        this.journal = journal;
        this.tasks = tasks;
        this.events = events;
        this.roster = roster;
        this.staff = staff;
        this.people = people;
        this.messages = messages;
        this.settings = settings;
        this.zone = ZoneId.of(center.timeZone());
        this.clock = clock;
    }

    /** The outcome of a plan import: how many calls were planned, how many found an agent, and each bad row. */
    @io.micronaut.serde.annotation.Serdeable
    public record PlanImport(int planned, int assigned, int unassigned, List<RowError> errors) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record RowError(int line, String field, String message) {
    }

    /** The day's plan as a manager reads it. */
    @io.micronaut.serde.annotation.Serdeable
    public record Plan(LocalDate day, int total, int open, int done, int closed, int unassigned, int overdue, int atRisk,
                       Map<String, Integer> openByAgent, List<OutboundTask> tasks) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // --- the plan (S7.3) ---

    /**
     * Imports a day's plan: good rows become calls, each given to an outbound agent of the day who may do it and has
     * room (the calls already planned stay where they are); each bad row is answered with its line and its reason.
     * {@code due_at} is a time of day on the plan's day in the center's time zone ({@code 14:30}) or an instant with
     * its offset.
     */
    public PlanImport importCsv(String csv, @Nullable LocalDate day, Actor actor, Locale locale) {
        LocalDate planDay = day == null ? today() : day;
        List<RowError> errors = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> missing = CSV_COLUMNS.stream().limit(5).filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("csv", "outbound.csv.header", String.join(",", CSV_COLUMNS));
            }
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    throw ProblemException.invalid("csv", "outbound.csv.tooMany", MAX_ROWS);
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("day", planDay.toString());
                payload.put("campaign", cell(row, "campaign"));
                payload.put("customerName", cell(row, "customer_name"));
                payload.put("phone", cell(row, "phone"));
                payload.put("priority", cell(row, "priority"));
                payload.put("dueAt", due(cell(row, "due_at"), planDay));
                putIfPresent(payload, "skill", cell(row, "skill"));
                putIfPresent(payload, "note", cell(row, "note"));
                Optional<ProblemException.Field> wrong = PlanRules.check(payload);
                if (wrong.isPresent()) {
                    errors.add(new RowError(line, wrong.get().name(), messages.get(locale, wrong.get().key(), wrong.get().args())));
                } else {
                    payload.put("priority", PlanRules.priority(payload.get("priority")));
                    rows.add(payload);
                }
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw ProblemException.invalid("csv", "outbound.csv.unreadable", String.valueOf(e.getMessage()));
        }
        return plan(rows, errors, actor, locale);
    }

    private synchronized PlanImport plan(List<Map<String, Object>> rows, List<RowError> errors, Actor actor, Locale locale) {
        Instant now = clock.instant();
        List<OutboundAllocator.Task> all = new ArrayList<>();
        for (TaskRow r : tasks.open()) {
            all.add(new OutboundAllocator.Task(r.id().toString(), r.priority(), r.dueAt(), r.skill(), r.assignee(), r.assignee() != null));
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            UUID id = UUID.randomUUID();
            all.add(new OutboundAllocator.Task(id.toString(), (Integer) row.get("priority"), Instant.parse((String) row.get("dueAt")),
                    (String) row.get("skill"), null, false));
            entries.add(Entry.of(id, OutboundKinds.PLANNED, null, now, row));
        }
        Instant horizon = horizon(now, all.stream().map(OutboundAllocator.Task::dueAt).toList());
        Map<String, String> chosen = OutboundAllocator.allocate(availability(now, horizon).agents(), all, now).assignee();
        int assigned = 0;
        List<Entry> withAgents = new ArrayList<>();
        for (Entry e : entries) {
            String to = chosen.get(e.id().toString());
            Map<String, Object> payload = new LinkedHashMap<>(e.payload());
            if (to != null) {
                payload.put("assignee", to);
                assigned++;
            }
            withAgents.add(Entry.of(e.id(), e.kind(), null, e.recordedAt(), payload));
        }
        push(actor, withAgents, locale);
        return new PlanImport(withAgents.size(), assigned, withAgents.size() - assigned, errors);
    }

    private static void putIfPresent(Map<String, Object> payload, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            payload.put(field, value);
        }
    }

    private static @Nullable String cell(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : null;
    }

    /** A due time as written in a plan: a time of day on the plan's day (center's zone), or an instant with its offset. */
    private @Nullable String due(@Nullable String written, LocalDate day) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return day.atTime(LocalTime.parse(written.strip())).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException notATime) {
            try {
                return OffsetDateTime.parse(written.strip()).toInstant().toString();
            } catch (DateTimeParseException notAnInstant) {
                return written;
            }
        }
    }

    /** A day's plan (and what is still open from before it), most urgent first. */
    public Plan plan(@Nullable LocalDate day, Actor reader) {
        LocalDate d = day == null ? today() : day;
        Instant now = clock.instant();
        boolean whole = seesNumbers(reader);
        List<TaskRow> rows = tasks.ofDay(d);
        int open = 0;
        int done = 0;
        int closed = 0;
        int unassigned = 0;
        int overdue = 0;
        Map<String, Integer> byAgent = new TreeMap<>();
        for (TaskRow r : rows) {
            switch (r.state()) {
                case "open" -> {
                    open++;
                    if (r.dueAt().isBefore(now)) {
                        overdue++;
                    }
                    if (r.assignee() == null) {
                        unassigned++;
                    } else {
                        byAgent.merge(r.assignee(), 1, Integer::sum);
                    }
                }
                case "done" -> done++;
                default -> closed++;
            }
        }
        Map<UUID, Instant> expected = expected(now);
        List<OutboundTask> views = rows.stream().map(r -> view(r, now, whole, false, expected)).toList();
        int atRisk = (int) views.stream().filter(OutboundTask::atRisk).count();
        return new Plan(d, rows.size(), open, done, closed, unassigned, overdue, atRisk, byAgent, views);
    }

    /**
     * When each open call should be reached: each outbound agent works their list in order (most important first, then
     * the nearest due time), one call every {@code 1 / calls-per-hour}, from when they are available. Calls with no agent,
     * or whose agent is not working outbound now, have no time.
     */
    Map<UUID, Instant> expected(Instant now) {
        List<TaskRow> open = tasks.open();
        Availability availability = availability(now, horizon(now, open.stream().map(TaskRow::dueAt).toList()));
        Map<String, Instant> next = new HashMap<>();
        availability.agents().forEach(a -> next.put(a.username(), a.availableFrom()));
        Duration pace = Duration.ofSeconds(3600 / settings.callsPerHour());
        Map<UUID, Instant> expected = new HashMap<>();
        for (TaskRow r : open) {
            Instant from = r.assignee() == null ? null : next.get(r.assignee());
            if (from != null) {
                Instant at = from.plus(pace);
                expected.put(r.id(), at);
                next.put(r.assignee(), at);
            }
        }
        return expected;
    }

    // --- an agent's list ---

    /** A person's own calls: open ones most important first, then those closed in the last day. */
    public List<OutboundTask> mine(Actor actor) {
        Instant now = clock.instant();
        Map<UUID, Instant> expected = expected(now);
        return tasks.of(actor.username(), now.minus(CLOSED_SHOWN)).stream().map(r -> view(r, now, true, false, expected)).toList();
    }

    public OutboundTask get(UUID id, Actor reader) {
        TaskRow row = tasks.findById(id).orElseThrow(() -> ProblemException.notFound("outbound.refused.unknownTask"));
        if (!reader.username().equals(row.assignee()) && !OutboundEntries.isLead(reader) && !reader.hasAny("leadership")) {
            throw ProblemException.forbidden("outbound.refused.notYours");
        }
        Instant now = clock.instant();
        return view(row, now, seesNumbers(reader), true, expected(now));
    }

    /** Records a call: done, no-answer, busy, call-later, refused or wrong-number. */
    public OutboundTask attempt(Actor actor, UUID task, String outcome, @Nullable String note, @Nullable UUID clientId, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.toString());
        payload.put("outcome", outcome);
        putIfPresent(payload, "note", note == null ? null : note.strip());
        push(actor, List.of(Entry.of(clientId == null ? UUID.randomUUID() : clientId, OutboundKinds.ATTEMPTED, null, clock.instant(), payload)),
                locale);
        return get(task, actor);
    }

    // --- reallocation (S7.4) ---

    /**
     * Who can work outbound calls from now until the last open call is due (at least the next hour), from when, with how
     * much room; and who of them is now pulled onto the lines. Room beyond the last due time would serve no call.
     */
    record Availability(List<OutboundAllocator.Agent> agents, Map<String, Instant> until, List<String> pulled, @Nullable UUID incident) {
    }

    static Instant horizon(Instant now, List<Instant> dues) {
        Instant horizon = now.plus(MIN_HORIZON);
        for (Instant due : dues) {
            if (due.isAfter(horizon)) {
                horizon = due;
            }
        }
        return horizon;
    }

    Availability availability(Instant now, Instant horizon) {
        List<org.stormdesk.traffic.Move> current = staff.current();
        Set<String> moved = current.stream().map(org.stormdesk.traffic.Move::username).collect(Collectors.toSet());
        Map<String, Duration> left = new LinkedHashMap<>();
        Map<String, Instant> from = new HashMap<>();
        Map<String, Instant> until = new HashMap<>();
        Map<String, Set<String>> skills = new HashMap<>();
        Set<String> pulled = new LinkedHashSet<>();
        for (Shift s : roster.between(now, horizon, null)) {
            if (!OUTBOUND.equals(s.position())) {
                continue;
            }
            if (moved.contains(s.username())) {
                pulled.add(s.username());
                continue;
            }
            Instant start = s.startsAt().isAfter(now) ? s.startsAt() : now;
            Instant end = s.endsAt().isBefore(horizon) ? s.endsAt() : horizon;
            if (!end.isAfter(start)) {
                continue;
            }
            left.merge(s.username(), Duration.between(start, end), Duration::plus);
            from.merge(s.username(), start, (a, b) -> a.isBefore(b) ? a : b);
            until.merge(s.username(), end, (a, b) -> a.isAfter(b) ? a : b);
            skills.computeIfAbsent(s.username(), k -> new LinkedHashSet<>()).addAll(s.skills());
        }
        List<OutboundAllocator.Agent> agents = new ArrayList<>();
        left.forEach((username, duration) -> agents.add(new OutboundAllocator.Agent(username,
                (int) (duration.toSeconds() * settings.callsPerHour() / 3600), from.get(username), skills.get(username))));
        UUID incident = current.stream().filter(m -> pulled.contains(m.username())).map(org.stormdesk.traffic.Move::incidentId)
                .findFirst().orElse(null);
        return new Availability(agents, until, List.copyOf(pulled), incident);
    }

    /** What the manager would apply now: the open tasks given anew to the agents of the day. */
    public Reallocation proposal() {
        Instant now = clock.instant();
        List<TaskRow> open = tasks.open();
        Availability availability = availability(now, horizon(now, open.stream().map(TaskRow::dueAt).toList()));
        List<OutboundAllocator.Task> input = open.stream()
                .map(r -> new OutboundAllocator.Task(r.id().toString(), r.priority(), r.dueAt(), r.skill(), r.assignee(), false)).toList();
        OutboundAllocator.Result result = OutboundAllocator.allocate(availability.agents(), input, now);
        Set<String> working = availability.agents().stream().map(OutboundAllocator.Agent::username).collect(Collectors.toSet());
        Map<String, Integer> before = new HashMap<>();
        Map<String, Integer> after = new HashMap<>();
        List<Reallocation.Move> moves = new ArrayList<>();
        List<Reallocation.Move> uncovered = new ArrayList<>();
        int orphaned = 0;
        int unassigned = 0;
        Map<String, TaskRow> byId = new HashMap<>();
        for (TaskRow r : open) {
            byId.put(r.id().toString(), r);
            if (r.assignee() == null) {
                unassigned++;
            } else {
                before.merge(r.assignee(), 1, Integer::sum);
                if (!working.contains(r.assignee())) {
                    orphaned++;
                }
            }
        }
        StringBuilder basis = new StringBuilder();
        for (Map.Entry<String, String> chosen : result.assignee().entrySet()) {
            TaskRow r = byId.get(chosen.getKey());
            String to = chosen.getValue();
            basis.append(r.id()).append(':').append(r.assignee()).append('>').append(to).append(';');
            if (to != null) {
                after.merge(to, 1, Integer::sum);
            }
            Reallocation.Move move = new Reallocation.Move(r.id(), r.campaign(), r.customerName(), r.priority(), r.dueAt(), r.skill(),
                    r.assignee(), to);
            if (!java.util.Objects.equals(to, r.assignee())) {
                moves.add(move);
            }
            if (to == null && uncovered.size() < UNCOVERED_SHOWN) {
                uncovered.add(move);
            }
        }
        Map<String, String> names = people.all().stream().collect(Collectors.toMap(Person::username, Person::displayName, (a, b) -> a));
        List<Reallocation.AgentLoad> agents = availability.agents().stream()
                .map(a -> new Reallocation.AgentLoad(a.username(), names.getOrDefault(a.username(), a.username()), a.capacity(),
                        a.availableFrom(), availability.until().get(a.username()), List.copyOf(a.skills()),
                        before.getOrDefault(a.username(), 0), after.getOrDefault(a.username(), 0)))
                .toList();
        Map<String, String> named = new TreeMap<>();
        for (String username : before.keySet()) {
            named.put(username, names.getOrDefault(username, username));
        }
        availability.pulled().forEach(u -> named.put(u, names.getOrDefault(u, u)));
        agents.forEach(a -> named.put(a.username(), a.displayName()));
        return new Reallocation(sha256(basis.toString()), !moves.isEmpty(), now, open.size(), open.size() - result.uncovered().size(),
                result.uncovered().size(), moves, agents, uncovered, availability.pulled(), availability.incident(), orphaned, unassigned,
                named);
    }

    /** The outcome of applying a reallocation: how many tasks changed agent, in how many journal entries. */
    @io.micronaut.serde.annotation.Serdeable
    public record Applied(int moved, int entries) {
    }

    /**
     * Applies the reallocation the manager reviewed, named by its basis; if the tasks or the agents changed since, it
     * is refused (409) and the manager reviews the new one. Large reallocations go in several entries, all stored in one
     * push; the agents whose lists changed are told.
     */
    public synchronized Applied apply(Actor actor, String basis, @Nullable UUID incident, Locale locale) {
        Reallocation now = proposal();
        if (!now.basis().equals(basis)) {
            throw ProblemException.conflict("outbound.stale");
        }
        if (now.moves().isEmpty()) {
            return new Applied(0, 0);
        }
        UUID reallocation = UUID.randomUUID();
        List<Entry> entries = new ArrayList<>();
        List<Reallocation.Move> moves = now.moves();
        for (int from = 0; from < moves.size(); from += OutboundEntries.MAX_MOVES) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (Reallocation.Move m : moves.subList(from, Math.min(moves.size(), from + OutboundEntries.MAX_MOVES))) {
                Map<String, Object> move = new LinkedHashMap<>();
                move.put("taskId", m.taskId().toString());
                if (m.to() != null) {
                    move.put("to", m.to());
                }
                chunk.add(move);
            }
            entries.add(Entry.of(UUID.randomUUID(), OutboundKinds.REALLOCATED, incident, clock.instant(),
                    Map.of("reallocation", reallocation.toString(), "moves", chunk)));
        }
        push(actor, entries, locale);
        return new Applied(moves.size(), entries.size());
    }

    // --- shared ---

    private void push(Actor actor, List<Entry> entries, Locale locale) {
        for (int from = 0; from < entries.size(); from += Journal.MAX_PUSH) {
            List<PushResult> results = journal.push(IncidentDesk.API_DEVICE, actor,
                    entries.subList(from, Math.min(entries.size(), from + Journal.MAX_PUSH)), locale);
            for (PushResult r : results) {
                if (!r.accepted()) {
                    throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), r.reason());
                }
            }
        }
    }

    /** Who sees customers' numbers whole: the people who call them. */
    public static boolean seesNumbers(Actor actor) {
        return actor.hasAny("agent", "supervisor", "manager", "admin");
    }

    private OutboundTask view(TaskRow r, Instant now, boolean whole, boolean withHistory, Map<UUID, Instant> expected) {
        List<OutboundTask.Event> history = withHistory ? events.of(r.id()).stream()
                .map(e -> new OutboundTask.Event(e.kind(), e.outcome(), e.note(), e.actor(), e.toUser(), e.at())).toList() : null;
        boolean open = "open".equals(r.state());
        Instant by = open ? expected.get(r.id()) : null;
        return new OutboundTask(r.id(), r.planDay(), r.campaign(), r.customerName(),
                whole ? CaptureRules.display(r.phone()) : CaptureRules.mask(r.phone()), r.priority(), r.dueAt(), r.skill(), r.note(),
                r.assignee(), r.attempts(), r.maxAttempts(), r.state(), open && r.dueAt().isBefore(now), by,
                open && (by == null || by.isAfter(r.dueAt())), r.lastOutcome(), r.lastNote(), r.lastAttemptAt(), r.closedAt(), history);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
