package org.stormdesk.presence.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.incident.IncidentKind;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.people.People;
import org.stormdesk.presence.PresenceKinds;
import org.stormdesk.presence.PresenceState;
import org.stormdesk.presence.db.PersonRepository;
import org.stormdesk.presence.db.PersonRow;
import org.stormdesk.presence.db.RequestRepository;
import org.stormdesk.presence.db.RequestRow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Judges and applies the presence entries (S2.4), from devices (offline or not) and the API alike. Each goes into the
 * management log of the incident it names, or else of the newest open incident of the whole center, when there is one.
 */
@Singleton
public class PresenceEntries implements EntryHandler {

    public static final int MAX_REASON = 200;
    /** The furthest ahead an expected return may be. */
    static final Duration MAX_LEAVE = Duration.ofHours(12);
    /** Who decides on leave and may mark someone away. */
    public static final Set<String> DECIDERS = Set.of("manager", "supervisor", "admin");
    public static final Set<String> AWAY_REASONS = Set.of("self", "marked", "silent");

    private final RequestRepository requests;
    private final PersonRepository persons;
    private final People people;
    /** Lazily: the incident desk is made with the journal, which is made with its handlers. */
    private final BeanProvider<IncidentDesk> incidents;

    public PresenceEntries(RequestRepository requests, PersonRepository persons, People people,
                           BeanProvider<IncidentDesk> incidents) {
        this.requests = requests;
        this.persons = persons;
        this.people = people;
        this.incidents = incidents;
    }

    public static boolean mayDecide(Actor actor) {
        return actor.roles().stream().anyMatch(DECIDERS::contains);
    }

    @Override
    public boolean handles(String kind) {
        return PresenceKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        boolean server = Actor.SYSTEM.username().equals(actor.username());
        if (server && !PresenceKinds.AWAY.equals(entry.kind())) {
            return Verdict.refuse("presence.refused.role");
        }
        return switch (entry.kind()) {
            case PresenceKinds.LEAVE_REQUESTED -> judgeRequest(entry, actor);
            case PresenceKinds.LEAVE_DECIDED -> judgeDecision(entry, actor);
            case PresenceKinds.RETURNED -> judgeReturn(entry, actor);
            case PresenceKinds.AWAY -> judgeAway(entry, actor, server);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeRequest(Entry entry, Actor actor) {
        String reason = entry.text("reason");
        if (reason == null || reason.length() > MAX_REASON) {
            return Verdict.refuse("presence.refused.reason", MAX_REASON);
        }
        Instant back = instant(entry.text("expectedBackAt"));
        if (back == null || back.isBefore(entry.recordedAt()) || back.isAfter(entry.recordedAt().plus(MAX_LEAVE))) {
            return Verdict.refuse("presence.refused.expectedBack", MAX_LEAVE.toHours());
        }
        Optional<PersonRow> me = persons.findById(actor.username());
        if (me.isPresent() && PresenceState.ASKED.wire().equals(me.get().state())) {
            return Verdict.refuse("presence.refused.pending");
        }
        return incidentFor(entry, null);
    }

    private Verdict judgeDecision(Entry entry, Actor actor) {
        if (!mayDecide(actor)) {
            return Verdict.refuse("presence.refused.deciders");
        }
        Optional<RequestRow> request = uuid(entry.text("request")).flatMap(requests::findById);
        if (request.isEmpty()) {
            return Verdict.refuse("presence.refused.unknownRequest");
        }
        if (!(entry.payload().get("allowed") instanceof Boolean)) {
            return Verdict.refuse("presence.refused.allowed");
        }
        if (request.get().username().equals(actor.username())) {
            return Verdict.refuse("presence.refused.ownRequest");
        }
        if (!"pending".equals(request.get().state())) {
            return Verdict.refuse("presence.refused.decided", request.get().decidedBy() == null ? "" : request.get().decidedBy());
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_REASON) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_REASON);
        }
        return incidentFor(entry, request.get().incidentId());
    }

    private Verdict judgeReturn(Entry entry, Actor actor) {
        Optional<PersonRow> me = persons.findById(actor.username());
        if (me.isEmpty() || PresenceState.PRESENT.wire().equals(me.get().state())) {
            return Verdict.refuse("presence.refused.notAway");
        }
        UUID incident = me.get().requestId() == null ? null
                : requests.findById(me.get().requestId()).map(RequestRow::incidentId).orElse(null);
        return incidentFor(entry, incident);
    }

    private Verdict judgeAway(Entry entry, Actor actor, boolean server) {
        String username = entry.text("username");
        if (username != null && !username.equals(actor.username())) {
            if (!server && !mayDecide(actor)) {
                return Verdict.refuse("presence.refused.deciders");
            }
            if (people.find(username).isEmpty()) {
                return Verdict.refuse("presence.refused.unknownPerson", username);
            }
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_REASON) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_REASON);
        }
        return incidentFor(entry, null);
    }

    /** The incident named by the entry (when it is open), else the one given, else the newest open center-wide one. */
    private Verdict incidentFor(Entry entry, @Nullable UUID preferred) {
        IncidentDesk desk = incidents.get();
        if (entry.incident() != null) {
            Optional<Incident> named = desk.find(entry.incident());
            if (named.isEmpty()) {
                return Verdict.refuse("incident.refused.unknownIncident");
            }
            return Verdict.accept(entry.incident());
        }
        if (preferred != null && desk.find(preferred).filter(i -> !"resolved".equals(i.state())).isPresent()) {
            return Verdict.accept(preferred);
        }
        return Verdict.accept(openIncident(desk).orElse(null));
    }

    /** The newest open incident of the whole center (a broken PC at one seat is not one). */
    public static Optional<UUID> openIncident(IncidentDesk desk) {
        return desk.list("open").stream()
                .filter(i -> IncidentKind.parse(i.kind()).map(k -> !k.perSeat()).orElse(true))
                .map(Incident::id).findFirst();
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case PresenceKinds.LEAVE_REQUESTED -> {
                requests.save(new RequestRow(e.id(), e.actor(), e.text("reason").strip(), Instant.parse(e.text("expectedBackAt")),
                        e.receivedAt(), e.incident(), "pending", null, null, null, null, e.seq()));
                put(e.actor(), PresenceState.ASKED, e.receivedAt(), e.id(), null, e.seq());
            }
            case PresenceKinds.LEAVE_DECIDED -> {
                UUID id = UUID.fromString(e.text("request"));
                boolean allowed = Boolean.TRUE.equals(e.payload().get("allowed"));
                requests.decided(id, allowed ? "allowed" : "refused", e.actor(), e.receivedAt(), blank(e.text("note")), e.seq());
                requests.findById(id).ifPresent(r -> {
                    Optional<PersonRow> now = persons.findById(r.username());
                    // a decision only moves someone still waiting for it
                    if (now.isPresent() && id.equals(now.get().requestId()) && PresenceState.ASKED.wire().equals(now.get().state())) {
                        put(r.username(), allowed ? PresenceState.ON_LEAVE : PresenceState.PRESENT, e.receivedAt(),
                                allowed ? id : null, null, e.seq());
                    }
                });
            }
            case PresenceKinds.RETURNED -> {
                // back after leave, or never gone: a request still waiting is withdrawn with it
                persons.findById(e.actor()).map(PersonRow::requestId).ifPresent(id ->
                        requests.findById(id).filter(r -> "allowed".equals(r.state()) || "pending".equals(r.state()))
                                .ifPresent(r -> requests.returned(id, e.receivedAt(), e.seq())));
                put(e.actor(), PresenceState.PRESENT, e.receivedAt(), null, null, e.seq());
            }
            case PresenceKinds.AWAY -> {
                String username = e.text("username") == null ? e.actor() : e.text("username");
                String reason = "system".equals(e.actor()) ? "silent" : username.equals(e.actor()) ? "self" : "marked";
                Optional<PersonRow> now = persons.findById(username);
                // someone away with leave is not away without it; a silent app does not undo leave either
                if (now.isPresent() && PresenceState.ON_LEAVE.wire().equals(now.get().state())) {
                    return;
                }
                put(username, PresenceState.AWAY, e.receivedAt(), null, reason, e.seq());
            }
            default -> throw new IllegalArgumentException("Not a presence entry: " + e.kind());
        }
    }

    private void put(String username, PresenceState state, Instant since, @Nullable UUID request, @Nullable String awayReason,
                     long seq) {
        PersonRow row = new PersonRow(username, state.wire(), since, request, awayReason, seq);
        if (persons.existsById(username)) {
            persons.update(row);
        } else {
            persons.save(row);
        }
    }

    @Override
    public void reset() {
        requests.forget();
        persons.forget();
    }

    static @Nullable Instant instant(@Nullable String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Optional<UUID> uuid(@Nullable String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
