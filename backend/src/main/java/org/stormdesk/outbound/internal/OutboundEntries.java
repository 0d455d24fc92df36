package org.stormdesk.outbound.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.capture.CaptureRules;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.outbound.OutboundKinds;
import org.stormdesk.outbound.OutboundSettings;
import org.stormdesk.outbound.db.EventRepository;
import org.stormdesk.outbound.db.EventRow;
import org.stormdesk.outbound.db.TaskRepository;
import org.stormdesk.outbound.db.TaskRow;
import org.stormdesk.people.People;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Judges and applies the outbound entries (S7.3, S7.4). Team leads, managers and administrators plan calls; managers
 * and administrators apply a reallocation (each agent whose list changed is told, in the same transaction); the agent
 * who has the task, or a lead, records each call. A task closes when done, refused, on a wrong number, or when its
 * attempts ran out, and nothing is recorded on a closed task. A reallocation that names a task closed meanwhile leaves
 * that task as it is: the manager's decision stands for the rest.
 */
@Singleton
public class OutboundEntries implements EntryHandler {

    public static final Set<String> LEADS = Set.of("supervisor", "manager", "admin");
    static final Set<String> REALLOCATORS = Set.of("manager", "admin");
    public static final int MAX_NOTE = 500;
    public static final int MAX_MOVES = 200;
    public static final Pattern SKILL = Pattern.compile("[\\p{L}\\p{N}_-]{1,30}");

    private final TaskRepository tasks;
    private final EventRepository events;
    private final People people;
    private final Messages messages;
    private final OutboundSettings settings;

    public OutboundEntries(TaskRepository tasks, EventRepository events, People people, Messages messages, OutboundSettings settings) {
        this.tasks = tasks;
        this.events = events;
        this.people = people;
        this.messages = messages;
        this.settings = settings;
    }

    public static boolean isLead(Actor actor) {
        return actor.roles().stream().anyMatch(LEADS::contains);
    }

    /** The id of the notice that tells an agent a reallocation changed their list. */
    public static UUID noticeOf(UUID entry, String username) {
        return UUID.nameUUIDFromBytes(("outbound.notice:" + entry + ":" + username).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handles(String kind) {
        return OutboundKinds.ALL.contains(kind);
    }

    /** A planned call holds a customer's name and number: only its author and administrators pull it from the journal. */
    @Override
    public boolean authorOnly(String kind) {
        return OutboundKinds.PLANNED.equals(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case OutboundKinds.PLANNED -> planned(entry, actor);
            case OutboundKinds.REALLOCATED -> reallocated(entry, actor);
            default -> attempted(entry, actor);
        };
    }

    private Verdict planned(Entry entry, Actor actor) {
        if (!isLead(actor)) {
            return Verdict.refuse("outbound.refused.leadsOnly");
        }
        Optional<ProblemException.Field> wrong = PlanRules.check(entry.payload());
        if (wrong.isPresent()) {
            return Verdict.refuse(wrong.get().key(), wrong.get().args());
        }
        if (tasks.existsById(entry.id())) {
            return Verdict.refuse("outbound.refused.duplicate");
        }
        String assignee = entry.text("assignee");
        if (assignee != null && people.find(assignee).isEmpty()) {
            return Verdict.refuse("outbound.refused.unknownPerson", assignee);
        }
        return Verdict.accept(null);
    }

    private Verdict reallocated(Entry entry, Actor actor) {
        if (!actor.hasAny(REALLOCATORS.toArray(String[]::new))) {
            return Verdict.refuse("outbound.refused.managersOnly");
        }
        List<Map<String, Object>> moves = moves(entry.payload());
        if (moves == null || moves.isEmpty() || moves.size() > MAX_MOVES) {
            return Verdict.refuse("outbound.refused.moves", MAX_MOVES);
        }
        Map<String, int[]> changed = new TreeMap<>();
        for (Map<String, Object> move : moves) {
            Optional<TaskRow> task = uuid(move.get("taskId")).flatMap(tasks::findById);
            if (task.isEmpty()) {
                return Verdict.refuse("outbound.refused.unknownTask");
            }
            String to = move.get("to") == null ? null : String.valueOf(move.get("to"));
            if (to != null && people.find(to).isEmpty()) {
                return Verdict.refuse("outbound.refused.unknownPerson", to);
            }
            if (!"open".equals(task.get().state()) || same(to, task.get().assignee())) {
                continue;
            }
            if (to != null) {
                changed.computeIfAbsent(to, k -> new int[2])[0]++;
            }
            if (task.get().assignee() != null) {
                changed.computeIfAbsent(task.get().assignee(), k -> new int[2])[1]++;
            }
        }
        List<Entry> notices = new ArrayList<>();
        changed.forEach((username, counts) -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("audience", List.of("user:" + username));
            payload.put("message", messages.inEvery("outbound.notice.reallocated", counts[0], counts[1], actor.username()));
            payload.put("reason", entry.kind());
            notices.add(Entry.of(noticeOf(entry.id(), username), NoticeKinds.NOTICE_REQUESTED, entry.incident(), entry.recordedAt(), payload));
        });
        return Verdict.acceptAfter(entry.incident(), notices);
    }

    private Verdict attempted(Entry entry, Actor actor) {
        Optional<TaskRow> task = uuid(entry.text("taskId")).flatMap(tasks::findById);
        if (task.isEmpty()) {
            return Verdict.refuse("outbound.refused.unknownTask");
        }
        if (!"open".equals(task.get().state())) {
            return Verdict.refuse("outbound.refused.closed");
        }
        if (!actor.username().equals(task.get().assignee()) && !isLead(actor)) {
            return Verdict.refuse("outbound.refused.notYours");
        }
        if (!OutboundKinds.OUTCOMES.contains(String.valueOf(entry.text("outcome")))) {
            return Verdict.refuse("outbound.refused.outcome");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        return Verdict.accept(entry.incident());
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case OutboundKinds.PLANNED -> {
                String assignee = blank(e.text("assignee"));
                tasks.save(new TaskRow(e.id(), LocalDate.parse(e.text("day")), e.text("campaign").strip(), e.text("customerName").strip(),
                        CaptureRules.normalizePhone(e.text("phone")).orElseThrow(), PlanRules.priority(e.payload().get("priority")),
                        Instant.parse(e.text("dueAt")), blank(e.text("skill")), blank(e.text("note")), assignee,
                        assignee == null ? null : e.receivedAt(), settings.maxAttempts(), 0, null, null, null, "open", null,
                        e.actor(), e.receivedAt(), e.seq()));
                events.save(new EventRow(e.id(), e.id(), "planned", null, null, e.actor(), assignee, e.receivedAt(), e.seq()));
            }
            case OutboundKinds.REALLOCATED -> {
                for (Map<String, Object> move : moves(e.payload())) {
                    UUID id = UUID.fromString(String.valueOf(move.get("taskId")));
                    TaskRow task = tasks.findById(id).orElseThrow();
                    String to = move.get("to") == null ? null : String.valueOf(move.get("to"));
                    if (!"open".equals(task.state()) || same(to, task.assignee())) {
                        continue;
                    }
                    tasks.reassigned(id, to, e.receivedAt(), e.seq());
                    events.save(new EventRow(UUID.nameUUIDFromBytes((e.id() + ":" + id).getBytes(StandardCharsets.UTF_8)), id,
                            "reallocated", null, null, e.actor(), to, e.receivedAt(), e.seq()));
                }
            }
            default -> {
                UUID id = UUID.fromString(e.text("taskId"));
                TaskRow task = tasks.findById(id).orElseThrow();
                String outcome = e.text("outcome");
                boolean done = OutboundKinds.DONE.equals(outcome);
                boolean closed = OutboundKinds.CLOSING.contains(outcome) || task.attempts() + 1 >= task.maxAttempts();
                String state = done ? "done" : closed ? "closed" : "open";
                tasks.attempted(id, outcome, blank(e.text("note")), e.receivedAt(), state, "open".equals(state) ? null : e.receivedAt(), e.seq());
                events.save(new EventRow(e.id(), id, "attempted", outcome, blank(e.text("note")), e.actor(), null, e.receivedAt(), e.seq()));
            }
        }
    }

    @Override
    public void reset() {
        events.forget();
        tasks.forget();
    }

    @SuppressWarnings("unchecked")
    static @Nullable List<Map<String, Object>> moves(Map<String, Object> payload) {
        if (!(payload.get("moves") instanceof List<?> list)) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            out.add((Map<String, Object>) m);
        }
        return out;
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return a == null ? b == null : a.equals(b);
    }

    static Optional<UUID> uuid(@Nullable Object s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(String.valueOf(s).strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static @Nullable Instant instant(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
