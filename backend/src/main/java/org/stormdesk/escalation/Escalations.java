package org.stormdesk.escalation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.stormdesk.app.ProblemException;
import org.stormdesk.escalation.db.CallRepository;
import org.stormdesk.escalation.db.CallRow;
import org.stormdesk.escalation.db.PlanRow;
import org.stormdesk.escalation.db.StepRepository;
import org.stormdesk.escalation.db.StepRow;
import org.stormdesk.escalation.db.TimerRepository;
import org.stormdesk.escalation.db.TimerRow;
import org.stormdesk.escalation.internal.EscalationText;
import org.stormdesk.escalation.internal.Plans;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.people.Contact;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;
import jakarta.inject.Singleton;
import org.stormdesk.procedure.Playbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What people do with an incident's playbook through the API: read its checklist, timers, call tree and
 * compliance; mark steps done or skipped, calls reached or not, escalations acknowledged. Every action is
 * recorded as a journal entry, exactly as a device's queued entry would be.
 */
@Singleton
public class Escalations {

    private final Journal journal;
    private final Plans plans;
    private final TimerRepository timers;
    private final StepRepository steps;
    private final CallRepository calls;
    private final People people;
    private final Clock clock;

    public Escalations(Journal journal, Plans plans, TimerRepository timers, StepRepository steps,
                       CallRepository calls, People people, Clock clock) {
        this.journal = journal;
        this.plans = plans;
        this.timers = timers;
        this.steps = steps;
        this.calls = calls;
        this.people = people;
        this.clock = clock;
    }

    /** The incident's checklist, timers, call tree and compliance, with texts in the reader's language. */
    public Checklist checklist(UUID incident, Locale locale) {
        PlanRow plan = plan(incident);
        Playbook playbook = plans.playbook(plan).orElseThrow();
        String lang = EscalationText.tag(locale);
        Instant now = clock.instant();
        Map<String, StepRow> done = steps.findByIncidentId(incident).stream()
                .collect(Collectors.toMap(StepRow::stepId, Function.identity()));
        Map<String, CallRow> marks = calls.findByIncidentId(incident).stream()
                .collect(Collectors.toMap(CallRow::target, Function.identity()));
        Map<String, Contact> contacts = people.contacts().stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        List<Person> everyone = people.all();
        Map<Compliance, Integer> counts = new EnumMap<>(Compliance.class);

        List<Checklist.Step> stepViews = new ArrayList<>();
        for (Playbook.Step s : playbook.steps()) {
            StepRow row = done.get(s.id());
            Instant due = s.withinDuration().map(plan.startedAt()::plus).orElse(null);
            Compliance c = Compliance.ofStep(row == null ? null : row.state(), row == null ? null : row.doneAt(), due,
                    plan.resolvedAt());
            counts.merge(c, 1, Integer::sum);
            String state = row != null ? row.state()
                    : due != null && now.isAfter(due) && plan.resolvedAt() == null ? "overdue" : "open";
            List<Checklist.Call> stepCalls = s.call() == null ? null : s.call().entrySet().stream()
                    .map(e -> call(e.getValue(), e.getKey(), contacts, everyone, marks)).toList();
            stepViews.add(new Checklist.Step(s.id(), s.clause(), s.role(), Playbook.in(s.text(), lang), state, due,
                    row == null ? null : row.doneBy(), row == null ? null : row.doneAt(),
                    row == null ? null : row.reason(), c.wire(), stepCalls));
        }

        Map<String, List<TimerRow>> byTimer = new LinkedHashMap<>();
        for (TimerRow row : timers.ofIncident(incident)) {
            byTimer.computeIfAbsent(row.timerId(), k -> new ArrayList<>()).add(row);
        }
        List<Checklist.Timer> timerViews = new ArrayList<>();
        for (Playbook.Timer t : playbook.timers()) {
            List<TimerRow> rows = byTimer.getOrDefault(t.id(), List.of());
            Compliance c = Compliance.ofTimer(rows.stream().map(r -> new Compliance.Level(r.level(), r.dueAt(),
                    r.firedAt(), r.acknowledgedAt(), r.ackWithin() == null ? null : Duration.parse(r.ackWithin()),
                    TimerRow.PENDING.equals(r.state()))).toList(), plan.resolvedAt(), now);
            counts.merge(c, 1, Integer::sum);
            timerViews.add(new Checklist.Timer(t.id(), t.clause(), t.unless(), c.wire(), rows.stream()
                    .map(r -> new Checklist.Level(r.level(), r.state(), r.dueAt(), r.audienceList(), r.ackWithin(),
                            r.firing(), r.firedAt(), r.acknowledgedAt(), r.acknowledgedBy(), r.cancelledAt(),
                            r.cancelReason()))
                    .toList()));
        }

        List<Checklist.Call> tree = playbook.callTree().stream()
                .map(target -> call(target, null, contacts, everyone, marks)).toList();
        Checklist.Summary summary = new Checklist.Summary(counts.getOrDefault(Compliance.ON_TIME, 0),
                counts.getOrDefault(Compliance.LATE, 0), counts.getOrDefault(Compliance.MISSED, 0),
                counts.getOrDefault(Compliance.SKIPPED, 0), counts.getOrDefault(Compliance.PENDING, 0),
                counts.getOrDefault(Compliance.NOT_NEEDED, 0));
        return new Checklist(incident, plan.kind(), plan.playbookVersion(), plan.startedAt(), plan.resolvedAt(),
                stepViews, timerViews, tree, summary);
    }

    public PushResult stepDone(Actor actor, UUID incident, String step, @Nullable UUID clientId, Locale locale) {
        mayWork(actor, incident, step);
        return record(actor, clientId, EscalationKinds.STEP_DONE, incident, Map.of("step", step), locale);
    }

    public PushResult stepSkipped(Actor actor, UUID incident, String step, String reason, @Nullable UUID clientId,
                                  Locale locale) {
        mayWork(actor, incident, step);
        return record(actor, clientId, EscalationKinds.STEP_SKIPPED, incident, Map.of("step", step, "reason", reason), locale);
    }

    /** Acknowledges a firing (the id of its {@code escalation.fired} entry) for its whole chain. */
    public PushResult acknowledge(Actor actor, UUID firing, @Nullable UUID clientId, Locale locale) {
        StoredEntry fired = journal.find(firing).filter(e -> EscalationKinds.ESCALATION_FIRED.equals(e.kind()))
                .orElseThrow(() -> ProblemException.notFound("escalation.firingNotFound"));
        List<String> audience = timers.byFiring(firing).map(TimerRow::audienceList)
                .orElseGet(() -> fired.payload().get("audience") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : List.of());
        if (!EscalationPolicy.mayAcknowledge(audience, actor)) {
            throw ProblemException.forbidden("escalation.refused.notAudience");
        }
        return record(actor, clientId, EscalationKinds.ESCALATION_ACKNOWLEDGED, fired.incident(),
                Map.of("firing", firing.toString()), locale);
    }

    /** Marks a call of the call tree (or of a step that is a call) reached or not. */
    public PushResult markCall(Actor actor, UUID incident, String target, boolean reached, @Nullable String note,
                               @Nullable UUID clientId, Locale locale) {
        PlanRow plan = plan(incident);
        String party = EscalationPolicy.party(target);
        if (plans.playbook(plan).filter(p -> p.callTargets().contains(party)).isEmpty()) {
            throw ProblemException.notFound("escalation.refused.unknownCall", party);
        }
        if (!EscalationPolicy.mayMarkCalls(actor)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("contact", party);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        return record(actor, clientId, reached ? EscalationKinds.CALL_REACHED : EscalationKinds.CALL_UNREACHED,
                incident, payload, locale);
    }

    private void mayWork(Actor actor, UUID incident, String step) {
        PlanRow plan = plan(incident);
        Playbook.Step s = plans.playbook(plan).flatMap(p -> p.step(step))
                .orElseThrow(() -> ProblemException.notFound("escalation.refused.unknownStep", step));
        if (!EscalationPolicy.mayWork(s, actor)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "escalation.refused.stepRole", List.of(), s.role());
        }
    }

    private PlanRow plan(UUID incident) {
        return plans.plan(incident).orElseThrow(() -> ProblemException.notFound("incident.notFound"));
    }

    private PushResult record(Actor actor, @Nullable UUID clientId, String kind, UUID incident,
                              Map<String, Object> payload, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(IncidentDesk.API_DEVICE, actor, Entry.of(id, kind, incident, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    private Checklist.Call call(String target, @Nullable String faultType, Map<String, Contact> contacts,
                                List<Person> everyone, Map<String, CallRow> marks) {
        CallRow mark = marks.get(target);
        String state = mark == null ? "open" : mark.reached() ? "reached" : "unreached";
        String by = mark == null ? null : mark.markedBy();
        Instant at = mark == null ? null : mark.markedAt();
        String note = mark == null ? null : mark.note();
        String name = target.substring(target.indexOf(':') + 1);
        if (target.startsWith("contact:")) {
            Optional<Contact> c = Optional.ofNullable(contacts.get(name));
            String phone = c.map(Contact::phone).orElse(null);
            return new Checklist.Call(target, faultType, c.map(Contact::name).orElse(name),
                    c.map(Contact::organization).orElse(null), phone, tel(phone), null, state, by, at, note);
        }
        List<String> who = everyone.stream()
                .filter(p -> target.startsWith("role:") ? p.roles().contains(name) : p.username().equals(name))
                .map(Person::displayName).toList();
        return new Checklist.Call(target, faultType, name, null, null, null, who, state, by, at, note);
    }

    /** A {@code tel:} link for a phone number as people write it ("021-5555-0100" dials 02155550100). */
    static @Nullable String tel(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+*#]", "");
        return digits.isEmpty() ? null : "tel:" + digits;
    }
}
