package org.stormdesk.callback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.callback.db.EventRepository;
import org.stormdesk.callback.db.TaskRepository;
import org.stormdesk.callback.db.TaskRow;
import org.stormdesk.callback.internal.CallbackEntries;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Callbacks through the API (S2.6): an agent's own tasks, the manager's view of all of them per incident with the
 * figures, and the two actions, each recorded as a journal entry exactly as a device's queued entry would be.
 * Customers' numbers are shown to those who call (agents, team leads, managers, administrators) and masked for others.
 */
@Singleton
public class CallbackDesk {

    static final int LIST = 1000;
    /** How long a closed task stays in its owner's list. */
    static final Duration CLOSED_SHOWN = Duration.ofHours(24);

    private final Journal journal;
    private final TaskRepository tasks;
    private final EventRepository events;
    private final Clock clock;

    public CallbackDesk(Journal journal, TaskRepository tasks, EventRepository events, Clock clock) {
        this.journal = journal;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** Who sees customers' numbers whole: the people who call them back. */
    public static boolean seesNumbers(Actor actor) {
        return actor.hasAny("agent", "supervisor", "manager", "admin");
    }

    /** A person's own callbacks: open ones by due time, then those closed in the last day. */
    public List<CallbackTask> mine(Actor actor) {
        Instant now = clock.instant();
        return tasks.of(actor.username(), now.minus(CLOSED_SHOWN)).stream().map(r -> view(r, now, true, false)).toList();
    }

    /** Every callback of an incident (or the newest of all), open first by due time. */
    public List<CallbackTask> all(@Nullable UUID incident, Actor reader) {
        Instant now = clock.instant();
        List<TaskRow> rows = incident == null ? tasks.newest(LIST) : tasks.ofIncident(incident);
        boolean whole = seesNumbers(reader);
        return rows.stream().map(r -> view(r, now, whole, false)).toList();
    }

    public CallbackTask get(UUID id, Actor reader) {
        TaskRow row = tasks.findById(id).orElseThrow(() -> ProblemException.notFound("callback.refused.unknownTask"));
        if (!reader.username().equals(row.owner()) && !CallbackEntries.isLead(reader) && !reader.hasAny("leadership")) {
            throw ProblemException.forbidden("callback.refused.notYours");
        }
        return view(row, clock.instant(), seesNumbers(reader), true);
    }

    public CallbackCounts counts(@Nullable UUID incident) {
        Instant now = clock.instant();
        List<TaskRow> rows = incident == null ? tasks.newest(Integer.MAX_VALUE) : tasks.ofIncident(incident);
        int open = 0;
        int overdue = 0;
        int reached = 0;
        int failed = 0;
        int unassigned = 0;
        Map<String, Integer> byOwner = new TreeMap<>();
        for (TaskRow r : rows) {
            switch (r.state()) {
                case "open" -> {
                    open++;
                    if (r.dueAt().isBefore(now)) {
                        overdue++;
                    }
                    if (r.owner() == null) {
                        unassigned++;
                    } else {
                        byOwner.merge(r.owner(), 1, Integer::sum);
                    }
                }
                case "reached" -> reached++;
                default -> failed++;
            }
        }
        return new CallbackCounts(rows.size(), open, overdue, reached, failed, unassigned, byOwner);
    }

    /** Records an attempt: reached, no-answer, busy, wrong-number or left-message. */
    public CallbackTask attempt(Actor actor, UUID task, String outcome, @Nullable String note, @Nullable UUID clientId, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.toString());
        payload.put("outcome", outcome);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        record(actor, clientId, CallbackKinds.ATTEMPTED, payload, locale);
        return get(task, actor);
    }

    public CallbackTask reassign(Actor actor, UUID task, String to, @Nullable UUID clientId, Locale locale) {
        record(actor, clientId, CallbackKinds.REASSIGNED, Map.of("taskId", task.toString(), "to", to), locale);
        return get(task, actor);
    }

    private void record(Actor actor, @Nullable UUID clientId, String kind, Map<String, Object> payload, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(IncidentDesk.API_DEVICE, actor, Entry.of(id, kind, null, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
    }

    /** A number with all but its first three and last two digits hidden. */
    public static String mask(String phone) {
        StringBuilder out = new StringBuilder();
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= 3 || seen > digits - 2 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private CallbackTask view(TaskRow r, Instant now, boolean whole, boolean withHistory) {
        List<CallbackTask.Event> history = withHistory ? events.of(r.id()).stream()
                .map(e -> new CallbackTask.Event(e.kind(), e.outcome(), e.note(), e.actor(), e.toUser(), e.at())).toList() : null;
        return new CallbackTask(r.id(), r.incidentId(), r.customerName(), whole ? r.phone() : mask(r.phone()), r.accountId(),
                r.matter(), r.category(), r.dueAt(), r.owner(), r.attempts(), r.maxAttempts(), r.state(),
                "open".equals(r.state()) && r.dueAt().isBefore(now), r.lastOutcome(), r.lastNote(), r.lastAttemptAt(),
                r.capturedBy(), r.capturedAt(), r.closedAt(), history);
    }
}
