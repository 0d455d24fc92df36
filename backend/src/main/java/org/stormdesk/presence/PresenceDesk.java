package org.stormdesk.presence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.presence.db.PersonRepository;
import org.stormdesk.presence.db.PersonRow;
import org.stormdesk.presence.db.RequestRepository;
import org.stormdesk.presence.db.RequestRow;
import org.stormdesk.presence.db.SeenRepository;
import org.stormdesk.presence.db.SeenRow;
import org.stormdesk.presence.internal.Shifts;
import org.stormdesk.roster.Shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Presence through the API (S2.4): the manager's duty list (who is on shift and where each one is), a person's own
 * state, the requests to leave, and the heartbeat of each person's app. Changes are journal entries, exactly as a
 * device's queued entry would be.
 */
@Singleton
public class PresenceDesk {

    private final Journal journal;
    private final RequestRepository requests;
    private final PersonRepository persons;
    private final SeenRepository seen;
    private final Shifts shifts;
    private final Clock clock;
    private final Duration silentAfter;

    public PresenceDesk(Journal journal, RequestRepository requests, PersonRepository persons, SeenRepository seen,
                        Shifts shifts, Clock clock, @Value("${stormdesk.presence.silent-after:PT5M}") Duration silentAfter) {
        this.journal = journal;
        this.requests = requests;
        this.persons = persons;
        this.seen = seen;
        this.shifts = shifts;
        this.clock = clock;
        this.silentAfter = silentAfter;
    }

    public Duration silentAfter() {
        return silentAfter;
    }

    /** The person's app answered now. */
    public Instant heartbeat(String username) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (seen.seen(username, now) == 0 && !seen.existsById(username)) {
            try {
                seen.save(new SeenRow(username, now));
            } catch (RuntimeException raced) {
                seen.seen(username, now);
            }
        }
        return now;
    }

    /**
     * Everyone on shift now, and anyone else whose state is not plain present, each with their state: an app silent
     * for longer than {@code stormdesk.presence.silent-after}, or never seen, counts as away without leave.
     */
    public List<OnDuty> dutyList() {
        Instant now = clock.instant();
        Map<String, OnDuty> out = new LinkedHashMap<>();
        Map<String, PersonRow> states = new LinkedHashMap<>();
        persons.findAll().forEach(p -> states.put(p.username(), p));
        Map<String, Instant> lastSeen = new LinkedHashMap<>();
        seen.findAll().forEach(s -> lastSeen.put(s.username(), s.seenAt()));
        for (Shift s : shifts.onShift(now)) {
            out.putIfAbsent(s.username(), view(s.username(), s.displayName(), s.position(), s.site(), s.endsAt(),
                    states.get(s.username()), lastSeen.get(s.username()), now));
        }
        for (PersonRow p : states.values()) {
            if (!out.containsKey(p.username()) && !PresenceState.PRESENT.wire().equals(p.state())) {
                out.put(p.username(), view(p.username(), shifts.displayName(p.username()), null, null, null, p,
                        lastSeen.get(p.username()), now));
            }
        }
        List<OnDuty> list = new ArrayList<>(out.values());
        list.sort((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.username().compareTo(b.username()));
        return list;
    }

    /** Asked first (a decision is waiting), then away without leave, then on leave, then present. */
    private static int rank(OnDuty d) {
        return switch (d.state()) {
            case "asked" -> 0;
            case "away" -> 1;
            case "on_leave" -> 2;
            default -> 3;
        };
    }

    private OnDuty view(String username, String displayName, @Nullable String position, @Nullable String site,
                        @Nullable Instant endsAt, @Nullable PersonRow state, @Nullable Instant lastSeen, Instant now) {
        String s = state == null ? PresenceState.PRESENT.wire() : state.state();
        Instant since = state == null ? null : state.since();
        String awayReason = state == null ? null : state.awayReason();
        RequestRow request = state == null || state.requestId() == null ? null : requests.findById(state.requestId()).orElse(null);
        if (PresenceState.PRESENT.wire().equals(s)) {
            if (lastSeen == null) {
                s = PresenceState.AWAY.wire();
                awayReason = "unseen";
            } else if (lastSeen.isBefore(now.minus(silentAfter))) {
                s = PresenceState.AWAY.wire();
                awayReason = "silent";
                since = lastSeen;
            }
        }
        boolean overdue = PresenceState.ON_LEAVE.wire().equals(s) && request != null && request.expectedBackAt().isBefore(now);
        return new OnDuty(username, displayName, position, site, endsAt, s, since, awayReason,
                request == null ? null : request.id(), request == null ? null : request.reason(),
                request == null ? null : request.expectedBackAt(), request == null ? null : request.decidedBy(), overdue, lastSeen);
    }

    /** One person's own line (whether on shift or not) and their latest requests. */
    public Mine mine(String username) {
        OnDuty me = dutyList().stream().filter(d -> d.username().equals(username)).findFirst().orElseGet(() ->
                view(username, shifts.displayName(username), null, null, null, persons.findById(username).orElse(null),
                        seen.findById(username).map(SeenRow::seenAt).orElse(null), clock.instant()));
        return new Mine(me, requests.of(username).stream().map(PresenceDesk::request).toList());
    }

    /** Requests still waiting and those of the last day. */
    public List<LeaveRequest> requests() {
        return requests.recent(clock.instant().minus(Duration.ofDays(1))).stream().map(PresenceDesk::request).toList();
    }

    public Optional<LeaveRequest> request(UUID id) {
        return requests.findById(id).map(PresenceDesk::request);
    }

    static LeaveRequest request(RequestRow r) {
        return new LeaveRequest(r.id(), r.username(), r.reason(), r.expectedBackAt(), r.requestedAt(), r.incidentId(), r.state(),
                r.decidedBy(), r.decidedAt(), r.decisionNote(), r.returnedAt());
    }

    /** Records one presence entry through the API; refused entries become a 400 with the reason. */
    public PushResult record(Actor actor, @Nullable UUID clientId, String kind, @Nullable UUID incident,
                             Map<String, Object> payload, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(IncidentDesk.API_DEVICE, actor, Entry.of(id, kind, incident, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    /** A person's own state and requests. */
    @io.micronaut.serde.annotation.Serdeable
    public record Mine(OnDuty me, List<LeaveRequest> requests) {
    }
}
