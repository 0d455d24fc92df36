package org.stormdesk.escalation.internal;

import jakarta.inject.Singleton;
import org.stormdesk.escalation.db.CallRepository;
import org.stormdesk.escalation.db.CallRow;
import org.stormdesk.escalation.db.PlanRepository;
import org.stormdesk.escalation.db.PlanRow;
import org.stormdesk.escalation.db.StepRepository;
import org.stormdesk.escalation.db.StepRow;
import org.stormdesk.escalation.db.TimerRepository;
import org.stormdesk.escalation.db.TimerRow;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.procedure.Playbook;
import org.stormdesk.procedure.Playbooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The escalation tables as the journal's entries shape them; called inside the journal's write transaction,
 * in sequence order, so the rows are exactly what the entries say (and a rebuild makes them again).
 * Ids are derived from what they identify, so a rebuild, a retry or a second node finds the same ones.
 */
@Singleton
public class Plans {

    private final PlanRepository plans;
    private final TimerRepository timers;
    private final StepRepository steps;
    private final CallRepository calls;
    private final Playbooks playbooks;

    public Plans(PlanRepository plans, TimerRepository timers, StepRepository steps, CallRepository calls,
                 Playbooks playbooks) {
        this.plans = plans;
        this.timers = timers;
        this.steps = steps;
        this.calls = calls;
        this.playbooks = playbooks;
    }

    public static UUID timerRowId(UUID incident, String timer, int level) {
        return derived("escalation-timer:" + incident + ":" + timer + ":" + level);
    }

    /** The id of the {@code escalation.fired} entry of a timer's level: one firing per level, whoever records it. */
    public static UUID firingId(UUID timerRow) {
        return derived("escalation.fired:" + timerRow);
    }

    public static UUID cancellationId(UUID timerRow) {
        return derived("escalation.cancelled:" + timerRow);
    }

    public static UUID stepRowId(UUID incident, String step) {
        return derived("escalation-step:" + incident + ":" + step);
    }

    public static UUID callRowId(UUID incident, String target) {
        return derived("escalation-call:" + incident + ":" + target);
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** When it happened: the device's clock, but never later than the server received it. */
    static Instant at(StoredEntry e) {
        return e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
    }

    public Optional<PlanRow> plan(UUID incident) {
        return incident == null ? Optional.empty() : plans.findById(incident);
    }

    /** done, skipped, or empty while the step is open. */
    public Optional<String> stepState(UUID incident, String step) {
        return steps.findById(stepRowId(incident, step)).map(StepRow::state);
    }

    public Optional<Playbook> playbook(PlanRow plan) {
        return playbooks.get(plan.kind(), plan.playbookVersion());
    }

    /** An incident opened: its playbook is the version in force, its timers' first levels are due from its start. */
    void opened(StoredEntry e) {
        if (e.incident() == null || plans.existsById(e.incident())) {
            return;
        }
        String kind = e.text("kind");
        int version = playbooks.versionAt(kind, e.receivedAt());
        Playbook playbook = playbooks.get(kind, version).orElseThrow();
        Instant start = at(e);
        plans.save(new PlanRow(e.incident(), kind, version, start, null, null));
        for (Playbook.Timer timer : playbook.timers()) {
            Playbook.Level first = timer.levels().getFirst();
            timers.save(TimerRow.pending(timerRowId(e.incident(), timer.id(), 1), e.incident(), timer.id(), 1,
                    timer.clause(), timer.unless(), String.join(",", first.audience()), first.ackWithin(),
                    start.plus(timer.afterDuration())));
        }
    }

    /** A report joined that saw the trouble earlier (queued offline): the start moves back, and the first levels with it. */
    void reported(StoredEntry e) {
        Optional<PlanRow> plan = plan(e.incident());
        Instant at = at(e);
        if (plan.isEmpty() || !at.isBefore(plan.get().startedAt())) {
            return;
        }
        plans.moveStart(e.incident(), at);
        Playbook playbook = playbook(plan.get()).orElseThrow();
        for (TimerRow row : timers.ofIncident(e.incident())) {
            if (row.level() == 1 && TimerRow.PENDING.equals(row.state())) {
                playbook.timer(row.timerId()).ifPresent(t -> timers.reschedule(row.id(), at.plus(t.afterDuration())));
            }
        }
    }

    void incidentAcknowledged(StoredEntry e) {
        if (plan(e.incident()).isEmpty()) {
            return;
        }
        plans.acknowledged(e.incident(), at(e));
        timers.cancelPendingUnless(e.incident(), "acknowledged", e.receivedAt(), "acknowledged");
    }

    /** Resolving an incident cancels everything still pending, whatever its {@code unless}. */
    void incidentResolved(StoredEntry e) {
        if (plan(e.incident()).isEmpty()) {
            return;
        }
        plans.resolved(e.incident(), at(e));
        timers.cancelPending(e.incident(), e.receivedAt(), "resolved");
    }

    /** A level fired: earlier unanswered levels are superseded, and the next level waits for its acknowledgement. */
    void fired(StoredEntry e) {
        String timer = e.text("timer");
        if (timer == null || !(e.payload().get("level") instanceof Number n)) {
            return;
        }
        int level = n.intValue();
        Optional<TimerRow> row = timers.find(e.incident(), timer, level);
        if (row.isEmpty() || !e.id().equals(firingId(row.get().id()))
                || timers.fired(row.get().id(), e.id(), e.receivedAt()) == 0) {
            return;
        }
        timers.supersede(e.incident(), timer, level);
        PlanRow plan = plan(e.incident()).orElseThrow();
        if (plan.resolvedAt() != null || row.get().ackWithin() == null
                || ("acknowledged".equals(row.get().unlessFact()) && plan.acknowledgedAt() != null)) {
            return;
        }
        playbook(plan).flatMap(p -> p.timer(timer)).flatMap(t -> t.level(level + 1)).ifPresent(next ->
                timers.save(TimerRow.pending(timerRowId(e.incident(), timer, level + 1), e.incident(), timer,
                        level + 1, row.get().clause(), row.get().unlessFact(), String.join(",", next.audience()),
                        next.ackWithin(), e.receivedAt().plus(Duration.parse(row.get().ackWithin())))));
    }

    /** Someone answered a firing: it is acknowledged, and the levels after it are not needed. */
    void escalationAcknowledged(StoredEntry e) {
        Optional<TimerRow> row = timers.byFiring(UUID.fromString(e.text("firing")));
        if (row.isEmpty()) {
            return;
        }
        timers.acknowledged(row.get().id(), at(e), e.actor());
        timers.cancelPendingOfTimer(row.get().incidentId(), row.get().timerId(), e.receivedAt(), "answered");
    }

    void cancellationLogged(StoredEntry e) {
        timers.find(e.incident(), e.text("timer"), ((Number) e.payload().get("level")).intValue())
                .ifPresent(r -> timers.cancelLogged(r.id()));
    }

    /** A step done or skipped: done stands once done; a skipped step may still be done later. */
    void step(StoredEntry e, String state) {
        UUID id = stepRowId(e.incident(), e.text("step"));
        Optional<StepRow> known = steps.findById(id);
        if (known.isPresent() && StepRow.DONE.equals(known.get().state())) {
            return;
        }
        StepRow row = new StepRow(id, e.incident(), e.text("step"), state, e.actor(), at(e), e.text("reason"), e.id());
        if (known.isPresent()) {
            steps.update(row);
        } else {
            steps.save(row);
        }
    }

    /** A call marked reached or not: the latest mark stands. */
    void call(StoredEntry e, boolean reached) {
        String target = e.text("contact");
        UUID id = callRowId(e.incident(), target);
        CallRow row = new CallRow(id, e.incident(), target, reached, e.text("note"), e.actor(), at(e), e.id());
        if (calls.existsById(id)) {
            calls.update(row);
        } else {
            calls.save(row);
        }
    }

    void reset() {
        calls.deleteAll();
        steps.deleteAll();
        timers.deleteAll();
        plans.deleteAll();
    }
}
