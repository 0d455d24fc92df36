package org.stormdesk.report.internal;

import jakarta.inject.Singleton;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.people.People;
import org.stormdesk.report.ReportKinds;
import org.stormdesk.report.ReviewPolicy;
import org.stormdesk.report.db.ActionRepository;
import org.stormdesk.report.db.ActionRow;
import org.stormdesk.report.db.FactRepository;
import org.stormdesk.report.db.IncidentFactRow;
import org.stormdesk.report.db.ReviewRepository;
import org.stormdesk.report.db.ReviewRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges and applies the review entries, from the API and devices alike: a manager writes the review of a resolved
 * incident (each write a new version, its actions keyed by their own ids so that their progress survives a
 * rewrite), leadership approves it, an action's owner or a manager marks the action done or open again.
 */
@Singleton
public class ReviewEntries implements EntryHandler {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_ACTION = 1000;
    public static final int MAX_NOTE = 500;
    public static final int MAX_ACTIONS = 50;
    static final List<String> TEXTS = List.of("whatHappened", "impact", "wentWell", "toChange");

    private final ReviewRepository reviews;
    private final ActionRepository actions;
    private final FactRepository facts;
    private final People people;

    public ReviewEntries(ReviewRepository reviews, ActionRepository actions, FactRepository facts, People people) {
        this.reviews = reviews;
        this.actions = actions;
        this.facts = facts;
        this.people = people;
    }

    @Override
    public boolean handles(String kind) {
        return ReportKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case ReportKinds.REVIEW_WRITTEN -> judgeWritten(entry, actor);
            case ReportKinds.REVIEW_APPROVED -> judgeApproved(entry, actor);
            case ReportKinds.ACTION_UPDATED -> judgeAction(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeWritten(Entry entry, Actor actor) {
        if (!ReviewPolicy.mayWrite(actor)) {
            return Verdict.refuse("report.review.refused.role");
        }
        Optional<IncidentFactRow> incident = incident(entry);
        if (incident.isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        if (incident.get().recoveredAt() == null) {
            return Verdict.refuse("report.review.refused.notResolved");
        }
        if (entry.text("whatHappened") == null) {
            return Verdict.refuse("report.review.refused.whatHappened");
        }
        for (String field : TEXTS) {
            String text = entry.text(field);
            if (text != null && text.length() > MAX_TEXT) {
                return Verdict.refuse("report.review.refused.tooLong", MAX_TEXT);
            }
        }
        List<Action> list = parseActions(entry);
        if (list == null) {
            return Verdict.refuse("report.review.refused.actions", MAX_ACTIONS, MAX_ACTION);
        }
        Set<UUID> ids = new HashSet<>();
        for (Action a : list) {
            if (!ids.add(a.id())) {
                return Verdict.refuse("report.review.refused.actions", MAX_ACTIONS, MAX_ACTION);
            }
            if (people.find(a.owner()).isEmpty()) {
                return Verdict.refuse("report.review.refused.owner", a.owner());
            }
            Optional<ActionRow> existing = actions.findById(a.id());
            if (existing.isPresent() && !existing.get().incidentId().equals(entry.incident())) {
                return Verdict.refuse("report.review.refused.actions", MAX_ACTIONS, MAX_ACTION);
            }
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeApproved(Entry entry, Actor actor) {
        if (!ReviewPolicy.mayApprove(actor)) {
            return Verdict.refuse("report.review.refused.leadershipOnly");
        }
        Optional<ReviewRow> review = entry.incident() == null ? Optional.empty() : reviews.findById(entry.incident());
        if (review.isEmpty()) {
            return Verdict.refuse("report.review.refused.noReview");
        }
        if (ReviewPolicy.APPROVED.equals(review.get().state())) {
            return Verdict.refuse("report.review.refused.alreadyApproved");
        }
        Object version = entry.payload().get("version");
        if (version instanceof Number n && n.intValue() != review.get().version()) {
            return Verdict.refuse("report.review.refused.changed", review.get().version());
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeAction(Entry entry, Actor actor) {
        Optional<ActionRow> action = Optional.ofNullable(ReportProjection.uuid(entry.text("action"))).flatMap(actions::findById);
        if (action.isEmpty() || (entry.incident() != null && !entry.incident().equals(action.get().incidentId()))) {
            return Verdict.refuse("report.review.refused.unknownAction");
        }
        if (!ReviewPolicy.mayUpdate(actor, action.get().owner())) {
            return Verdict.refuse("report.review.refused.notOwner");
        }
        String state = entry.text("state");
        if (!ReviewPolicy.ACTION_STATES.contains(String.valueOf(state))) {
            return Verdict.refuse("report.review.refused.actionState");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        return Verdict.accept(action.get().incidentId());
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case ReportKinds.REVIEW_WRITTEN -> applyWritten(e);
            case ReportKinds.REVIEW_APPROVED -> reviews.approved(e.incident(), e.actor(), e.receivedAt(), e.seq());
            case ReportKinds.ACTION_UPDATED -> {
                UUID id = ReportProjection.uuid(e.text("action"));
                boolean done = ReviewPolicy.DONE.equals(e.text("state"));
                actions.updated(id, done ? ReviewPolicy.DONE : ReviewPolicy.OPEN, done ? e.actor() : null,
                        done ? at(e) : null, e.text("note"), e.seq());
            }
            default -> throw new IllegalArgumentException("Not a review entry: " + e.kind());
        }
    }

    private void applyWritten(StoredEntry e) {
        Optional<ReviewRow> before = reviews.findById(e.incident());
        ReviewRow row = new ReviewRow(e.incident(), text(e, "whatHappened"), text(e, "impact"), text(e, "wentWell"),
                text(e, "toChange"), ReviewPolicy.DRAFT, before.map(ReviewRow::version).orElse(0) + 1, e.actor(),
                e.receivedAt(), null, null, e.seq());
        if (before.isPresent()) {
            reviews.update(row);
        } else {
            reviews.save(row);
        }
        Map<UUID, ActionRow> old = actions.ofIncident(e.incident()).stream()
                .collect(Collectors.toMap(ActionRow::id, Function.identity()));
        actions.forgetIncident(e.incident());
        List<Action> list = parseActions(e.payload().get("actions"));
        int position = 0;
        for (Action a : list == null ? List.<Action>of() : list) {
            ActionRow kept = old.get(a.id());
            actions.save(new ActionRow(a.id(), e.incident(), position++, a.text(), a.owner(), a.due(),
                    kept == null ? ReviewPolicy.OPEN : kept.state(), kept == null ? null : kept.doneBy(),
                    kept == null ? null : kept.doneAt(), kept == null ? null : kept.note(), e.seq()));
        }
    }

    @Override
    public void reset() {
        actions.forget();
        reviews.forget();
    }

    private Optional<IncidentFactRow> incident(Entry entry) {
        return entry.incident() == null ? Optional.empty() : facts.incident(entry.incident());
    }

    private static String text(StoredEntry e, String field) {
        String s = e.text(field);
        return s == null ? "" : s.strip();
    }

    private static Instant at(StoredEntry e) {
        return e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
    }

    /** One follow-up action as a review entry carries it. */
    record Action(UUID id, String text, String owner, LocalDate due) {
    }

    private static List<Action> parseActions(Entry entry) {
        return parseActions(entry.payload().get("actions"));
    }

    /** The actions of a payload, or null when any is malformed. */
    static List<Action> parseActions(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > MAX_ACTIONS) {
            return null;
        }
        List<Action> out = new java.util.ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) {
                return null;
            }
            Map<String, String> f = new HashMap<>();
            m.forEach((k, v) -> f.put(String.valueOf(k), v == null ? null : v.toString().strip()));
            UUID id = ReportProjection.uuid(f.get("id"));
            String text = f.get("text");
            String owner = f.get("owner");
            if (id == null || text == null || text.isEmpty() || text.length() > MAX_ACTION || owner == null || owner.isEmpty()) {
                return null;
            }
            try {
                out.add(new Action(id, text, owner, LocalDate.parse(String.valueOf(f.get("due")))));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return out;
    }
}
