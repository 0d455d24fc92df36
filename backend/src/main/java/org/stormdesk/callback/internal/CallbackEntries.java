package org.stormdesk.callback.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.callback.CallbackKinds;
import org.stormdesk.callback.db.EventRepository;
import org.stormdesk.callback.db.EventRow;
import org.stormdesk.callback.db.TaskRepository;
import org.stormdesk.callback.db.TaskRow;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.people.People;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Judges and applies the callback entries (S2.6). The owner of a task, or a team lead, manager or administrator,
 * records each attempt; a task closes when the customer was reached or when its attempts ran out, and nothing is
 * recorded on a closed task. Only team leads, managers and administrators give a task to someone else.
 */
@Singleton
public class CallbackEntries implements EntryHandler {

    public static final int MAX_NOTE = 500;
    public static final Set<String> LEADS = Set.of("supervisor", "manager", "admin");

    private final TaskRepository tasks;
    private final EventRepository events;
    private final People people;

    public CallbackEntries(TaskRepository tasks, EventRepository events, People people) {
        this.tasks = tasks;
        this.events = events;
        this.people = people;
    }

    public static boolean isLead(Actor actor) {
        return actor.roles().stream().anyMatch(LEADS::contains);
    }

    @Override
    public boolean handles(String kind) {
        return CallbackKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        Optional<TaskRow> task = CallbackProjection.uuid(entry.text("taskId")).flatMap(tasks::findById);
        if (task.isEmpty()) {
            return Verdict.refuse("callback.refused.unknownTask");
        }
        if (!"open".equals(task.get().state())) {
            return Verdict.refuse("callback.refused.closed");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        if (CallbackKinds.ATTEMPTED.equals(entry.kind())) {
            if (!actor.username().equals(task.get().owner()) && !isLead(actor)) {
                return Verdict.refuse("callback.refused.notYours");
            }
            if (!CallbackKinds.OUTCOMES.contains(String.valueOf(entry.text("outcome")))) {
                return Verdict.refuse("callback.refused.outcome");
            }
        } else {
            if (!isLead(actor)) {
                return Verdict.refuse("callback.refused.leadsOnly");
            }
            String to = entry.text("to");
            if (to == null || people.find(to).isEmpty()) {
                return Verdict.refuse("callback.refused.unknownPerson", to == null ? "" : to);
            }
            if (to.equals(task.get().owner())) {
                return Verdict.refuse("callback.refused.alreadyTheirs", to);
            }
        }
        return Verdict.accept(task.get().incidentId());
    }

    @Override
    public void apply(StoredEntry e) {
        UUID id = UUID.fromString(e.text("taskId"));
        TaskRow task = tasks.findById(id).orElseThrow();
        if (CallbackKinds.ATTEMPTED.equals(e.kind())) {
            String outcome = e.text("outcome");
            boolean reached = CallbackKinds.REACHED.equals(outcome);
            boolean exhausted = task.attempts() + 1 >= task.maxAttempts();
            String state = reached ? "reached" : exhausted ? "failed" : "open";
            tasks.attempted(id, outcome, blank(e.text("note")), e.receivedAt(), e.actor(), state,
                    "open".equals(state) ? null : e.receivedAt(), e.seq());
            events.save(new EventRow(e.id(), id, "attempted", outcome, blank(e.text("note")), e.actor(), null, e.receivedAt(), e.seq()));
        } else {
            tasks.reassigned(id, e.text("to"), e.receivedAt(), e.seq());
            events.save(new EventRow(e.id(), id, "reassigned", null, blank(e.text("note")), e.actor(), e.text("to"), e.receivedAt(), e.seq()));
        }
    }

    /** The tasks themselves are the projection's (made from capture's entries); it forgets them before a rebuild. */
    @Override
    public void reset() {
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
