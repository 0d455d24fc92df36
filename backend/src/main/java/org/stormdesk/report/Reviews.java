package org.stormdesk.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.Settings;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.report.db.ActionRepository;
import org.stormdesk.report.db.ActionRow;
import org.stormdesk.report.db.FactRepository;
import org.stormdesk.report.db.IncidentFactRow;
import org.stormdesk.report.db.ReviewRepository;
import org.stormdesk.report.db.ReviewRow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reviews of resolved incidents and their follow-up actions. Every change is a journal entry (judged by the same
 * rules whether it comes through the API or from a device's queue), so a review is part of the incident's
 * hash-chained management log.
 */
@Singleton
public class Reviews {

    private static final int LISTED = 200;

    private final Journal journal;
    private final IncidentDesk incidents;
    private final ReviewRepository reviews;
    private final ActionRepository actions;
    private final FactRepository facts;
    private final Clock clock;
    private final ZoneId zone;

    public Reviews(Journal journal, IncidentDesk incidents, ReviewRepository reviews, ActionRepository actions,
                   FactRepository facts, Clock clock, Settings settings) {
        this.journal = journal;
        this.incidents = incidents;
        this.reviews = reviews;
        this.actions = actions;
        this.facts = facts;
        this.clock = clock;
        this.zone = ZoneId.of(settings.timeZone());
    }

    /** Resolved incidents, newest first, with the state of their reviews. */
    public List<ReviewSummary> list() {
        Map<UUID, ReviewRow> written = reviews.newest(LISTED * 5).stream()
                .collect(Collectors.toMap(ReviewRow::incidentId, Function.identity()));
        Map<UUID, List<FollowUp>> open = actions.all(LISTED * 20).stream().map(this::followUp)
                .filter(f -> ReviewPolicy.OPEN.equals(f.state())).collect(Collectors.groupingBy(FollowUp::incidentId));
        return facts.allIncidents().stream().filter(i -> i.recoveredAt() != null)
                .sorted(Comparator.comparing(IncidentFactRow::startedAt).reversed()).limit(LISTED)
                .map(i -> {
                    ReviewRow r = written.get(i.id());
                    List<FollowUp> o = open.getOrDefault(i.id(), List.of());
                    return new ReviewSummary(i.id(), i.kind(), i.severity(), i.site(), i.drill(), i.startedAt(),
                            i.recoveredAt(), r == null ? ReviewPolicy.NONE : r.state(), o.size(),
                            (int) o.stream().filter(FollowUp::overdue).count());
                }).toList();
    }

    /** The review of an incident (an empty template when none is written yet), with its timeline. */
    public Review get(UUID incident, Actor reader, Locale locale) {
        IncidentFactRow fact = facts.incident(incident).orElseThrow(() -> ProblemException.notFound("incident.notFound"));
        List<FollowUp> list = actions.ofIncident(incident).stream().map(this::followUp).toList();
        if (!ReviewPolicy.mayReadAll(reader) && list.stream().noneMatch(a -> a.owner().equals(reader.username()))) {
            throw ProblemException.forbidden("report.review.refused.read");
        }
        Optional<ReviewRow> row = reviews.findById(incident);
        return new Review(incident, fact.kind(), fact.severity(), fact.site(), fact.drill(), fact.startedAt(),
                fact.acknowledgedAt(), fact.recoveredAt(), row.map(ReviewRow::state).orElse(ReviewPolicy.NONE),
                row.map(ReviewRow::version).orElse(0), row.map(ReviewRow::whatHappened).orElse(""),
                row.map(ReviewRow::impact).orElse(""), row.map(ReviewRow::wentWell).orElse(""),
                row.map(ReviewRow::toChange).orElse(""), row.map(ReviewRow::writtenBy).orElse(null),
                row.map(ReviewRow::writtenAt).orElse(null), row.map(ReviewRow::approvedBy).orElse(null),
                row.map(ReviewRow::approvedAt).orElse(null), list, incidents.log(incident, locale),
                incidents.verify(incident));
    }

    /** The actions a person owns, open ones first, soonest due first. */
    public List<FollowUp> actionsOf(String owner) {
        return actions.ofOwner(owner).stream().map(this::followUp).toList();
    }

    /** Every action (managers and leadership follow them all). */
    public List<FollowUp> allActions() {
        return actions.all(LISTED * 20).stream().map(this::followUp).toList();
    }

    /** Writes (or rewrites) a review as the given payload says (the texts and {@code actions}). */
    public PushResult write(Actor actor, UUID incident, @Nullable UUID clientId, Map<String, Object> payload, Locale locale) {
        if (!ReviewPolicy.mayWrite(actor)) {
            throw ProblemException.forbidden("report.review.refused.role");
        }
        return record(actor, incident, clientId, ReportKinds.REVIEW_WRITTEN, payload, locale);
    }

    public PushResult approve(Actor actor, UUID incident, @Nullable UUID clientId, @Nullable Integer version, Locale locale) {
        if (!ReviewPolicy.mayApprove(actor)) {
            throw ProblemException.forbidden("report.review.refused.leadershipOnly");
        }
        return record(actor, incident, clientId, ReportKinds.REVIEW_APPROVED,
                version == null ? Map.of() : Map.of("version", version), locale);
    }

    public FollowUp updateAction(Actor actor, UUID action, String state, @Nullable String note, @Nullable UUID clientId,
                                 Locale locale) {
        ActionRow row = actions.findById(action).orElseThrow(() -> ProblemException.notFound("report.review.refused.unknownAction"));
        if (!ReviewPolicy.mayUpdate(actor, row.owner())) {
            throw ProblemException.forbidden("report.review.refused.notOwner");
        }
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("action", action.toString());
        payload.put("state", state);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        record(actor, row.incidentId(), clientId, ReportKinds.ACTION_UPDATED, payload, locale);
        return followUp(actions.findById(action).orElseThrow());
    }

    private PushResult record(Actor actor, UUID incident, @Nullable UUID clientId, String kind, Map<String, Object> payload,
                              Locale locale) {
        if (facts.incident(incident).isEmpty()) {
            throw ProblemException.notFound("incident.notFound");
        }
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(IncidentDesk.API_DEVICE, actor, Entry.of(id, kind, incident, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    private FollowUp followUp(ActionRow a) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean overdue = ReviewPolicy.OPEN.equals(a.state()) && a.dueOn().isBefore(today);
        String kind = facts.incident(a.incidentId()).map(IncidentFactRow::kind).orElse(null);
        return new FollowUp(a.id(), a.incidentId(), kind, a.text(), a.owner(), a.dueOn(), a.state(), overdue,
                a.doneBy(), a.doneAt(), a.note());
    }
}
