package org.stormdesk.escalation.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.stormdesk.escalation.EscalationKinds;
import org.stormdesk.escalation.EscalationPolicy;
import org.stormdesk.escalation.db.PlanRow;
import org.stormdesk.escalation.db.TimerRepository;
import org.stormdesk.escalation.db.TimerRow;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.procedure.Playbook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges and applies the entries escalation owns: steps done or skipped, calls marked, escalations
 * acknowledged (from devices, like any entry, offline or not), and the firings and cancellations the server
 * records itself. A timer's firing (its id derived from the level) is accepted only while its level is pending:
 * the check runs under the journal's write lock, so however many nodes try, a level fires once. Other server
 * code may record a firing of its own (any other id); it is delivered and acknowledged like a timer's, and
 * leaves the timers alone.
 */
@Singleton
public class EscalationEntries implements EntryHandler {

    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 500;

    private final Plans plans;
    private final TimerRepository timers;
    /** Lazily: the journal is made with its handlers, this one among them. */
    private final BeanProvider<Journal> journal;

    public EscalationEntries(Plans plans, TimerRepository timers, BeanProvider<Journal> journal) {
        this.plans = plans;
        this.timers = timers;
        this.journal = journal;
    }

    @Override
    public boolean handles(String kind) {
        return EscalationKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        boolean server = actor.roles().contains(Actor.SYSTEM.username()) && Actor.SYSTEM.username().equals(actor.username());
        return switch (entry.kind()) {
            case EscalationKinds.STEP_DONE -> judgeStep(entry, actor, false);
            case EscalationKinds.STEP_SKIPPED -> judgeStep(entry, actor, true);
            case EscalationKinds.CALL_REACHED, EscalationKinds.CALL_UNREACHED -> judgeCall(entry, actor);
            case EscalationKinds.ESCALATION_ACKNOWLEDGED -> judgeAcknowledgement(entry, actor);
            case EscalationKinds.ESCALATION_FIRED -> server ? judgeServer(entry, TimerRow.PENDING) : Verdict.refuse("journal.refused.serverOnly");
            case EscalationKinds.ESCALATION_CANCELLED -> server ? judgeServer(entry, TimerRow.CANCELLED) : Verdict.refuse("journal.refused.serverOnly");
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeStep(Entry entry, Actor actor, boolean skipped) {
        Optional<PlanRow> plan = plans.plan(entry.incident());
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        if (plan.isEmpty()) {
            return Verdict.refuse("escalation.refused.noPlaybook");
        }
        String stepId = entry.text("step");
        Optional<Playbook.Step> step = stepId == null ? Optional.empty()
                : plans.playbook(plan.get()).flatMap(p -> p.step(stepId));
        if (step.isEmpty()) {
            return Verdict.refuse("escalation.refused.unknownStep", stepId == null ? "" : stepId);
        }
        if (!EscalationPolicy.mayWork(step.get(), actor)) {
            return Verdict.refuse("escalation.refused.stepRole", step.get().role());
        }
        if (skipped) {
            String reason = entry.text("reason");
            if (reason == null) {
                return Verdict.refuse("escalation.refused.reasonMissing");
            }
            if (reason.length() > MAX_REASON) {
                return Verdict.refuse("incident.refused.noteTooLong", MAX_REASON);
            }
            if (plans.stepState(entry.incident(), stepId).filter("done"::equals).isPresent()) {
                return Verdict.refuse("escalation.refused.alreadyDone");
            }
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeCall(Entry entry, Actor actor) {
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        Optional<PlanRow> plan = plans.plan(entry.incident());
        if (plan.isEmpty()) {
            return Verdict.refuse("escalation.refused.noPlaybook");
        }
        String contact = entry.text("contact");
        if (contact == null || !contact.equals(EscalationPolicy.party(contact))
                || plans.playbook(plan.get()).filter(p -> p.callTargets().contains(contact)).isEmpty()) {
            return Verdict.refuse("escalation.refused.unknownCall", contact == null ? "" : contact);
        }
        if (!EscalationPolicy.mayMarkCalls(actor)) {
            return Verdict.refuse("incident.refused.role");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeAcknowledgement(Entry entry, Actor actor) {
        UUID firing;
        try {
            firing = UUID.fromString(String.valueOf(entry.text("firing")));
        } catch (IllegalArgumentException e) {
            return Verdict.refuse("escalation.refused.unknownFiring");
        }
        Optional<TimerRow> row = timers.byFiring(firing);
        UUID incident;
        List<String> audience;
        if (row.isPresent()) {
            incident = row.get().incidentId();
            audience = row.get().audienceList();
        } else {
            Optional<StoredEntry> fired = journal.get().find(firing)
                    .filter(e -> EscalationKinds.ESCALATION_FIRED.equals(e.kind()));
            if (fired.isEmpty()) {
                return Verdict.refuse("escalation.refused.unknownFiring");
            }
            incident = fired.get().incident();
            audience = fired.get().payload().get("audience") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
        }
        if (entry.incident() != null && !entry.incident().equals(incident)) {
            return Verdict.refuse("escalation.refused.unknownFiring");
        }
        if (!EscalationPolicy.mayAcknowledge(audience, actor)) {
            return Verdict.refuse("escalation.refused.notAudience");
        }
        return Verdict.accept(incident);
    }

    /** A firing while its level is still pending; a cancellation's log line once, for a cancelled level. */
    private Verdict judgeServer(Entry entry, String wanted) {
        Object level = entry.payload().get("level");
        if (entry.incident() == null || entry.text("timer") == null || !(level instanceof Number n)) {
            return Verdict.refuse("escalation.refused.notDue");
        }
        Optional<TimerRow> row = timers.find(entry.incident(), entry.text("timer"), n.intValue());
        if (TimerRow.PENDING.equals(wanted) && (row.isEmpty() || !entry.id().equals(Plans.firingId(row.get().id())))) {
            // a firing other server code records: not a timer's, nothing to check against
            return Verdict.accept(entry.incident());
        }
        boolean ok = row.isPresent() && wanted.equals(row.get().state())
                && !(TimerRow.CANCELLED.equals(wanted) && row.get().cancelLogged());
        return ok ? Verdict.accept(entry.incident()) : Verdict.refuse("escalation.refused.notDue");
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case EscalationKinds.STEP_DONE -> plans.step(e, "done");
            case EscalationKinds.STEP_SKIPPED -> plans.step(e, "skipped");
            case EscalationKinds.CALL_REACHED -> plans.call(e, true);
            case EscalationKinds.CALL_UNREACHED -> plans.call(e, false);
            case EscalationKinds.ESCALATION_ACKNOWLEDGED -> plans.escalationAcknowledged(e);
            case EscalationKinds.ESCALATION_FIRED -> plans.fired(e);
            case EscalationKinds.ESCALATION_CANCELLED -> plans.cancellationLogged(e);
            default -> throw new IllegalArgumentException("Not an escalation entry: " + e.kind());
        }
    }

    @Override
    public void reset() {
        // the tables are forgotten by EscalationProjection#reset, which the same rebuild calls
    }
}
