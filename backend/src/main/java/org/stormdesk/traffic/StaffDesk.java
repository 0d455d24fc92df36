package org.stormdesk.traffic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;
import org.stormdesk.traffic.db.MoveRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pulling staff onto the lines in a surge (S7.1): who in outbound and support is on shift with the queue's skill, who to
 * move to close the gap between staffed and required, moving them in one action and sending them back.
 */
@Singleton
public class StaffDesk {

    private static final String API_DEVICE = "api";

    private final Roster roster;
    private final MoveRepository moves;
    private final TrafficDesk traffic;
    private final Journal journal;
    private final Clock clock;

    public StaffDesk(Roster roster, MoveRepository moves, TrafficDesk traffic, Journal journal, Clock clock) {
        this.roster = roster;
        this.moves = moves;
        this.traffic = traffic;
        this.journal = journal;
        this.clock = clock;
    }

    /** Who could be moved onto a queue now, the queue's gap (required minus staffed), and who is proposed to close it. */
    @Serdeable
    public record Proposal(String queue, int gap, List<Shift> candidates, List<String> proposed) {
    }

    public Proposal proposal(String queueCode) {
        Queue queue = traffic.queue(queueCode).orElseThrow(() -> ProblemException.notFound("traffic.sample.unknownQueue", queueCode));
        Instant now = clock.instant();
        Set<String> moved = moves.current().stream().map(m -> m.username()).collect(Collectors.toSet());
        List<Shift> candidates = roster.onShift(now).stream()
                .filter(s -> StaffKinds.PULLED_FROM.contains(s.position()) && s.hasSkill(queue.channel()) && !moved.contains(s.username()))
                // outbound first (its work can wait for a plan), then support; then who has been on shift longest
                .sorted(Comparator.comparing((Shift s) -> !"outbound".equals(s.position())).thenComparing(Shift::startsAt))
                .toList();
        QueueStatus status = traffic.status(queueCode, 1);
        int gap = 0;
        if (status.now() != null && status.now().staffed() != null) {
            int required = status.now().required();
            for (QueueStatus.Point p : status.forecast().subList(0, Math.min(4, status.forecast().size()))) {
                required = Math.max(required, p.required());
            }
            gap = Math.max(0, required - status.now().staffed());
        }
        List<String> proposed = candidates.stream().limit(gap).map(Shift::username).toList();
        return new Proposal(queueCode, gap, candidates, proposed);
    }

    /** Moves people onto a queue for an incident, in one action: one entry each, each with its notice. */
    public List<PushResult> move(Actor actor, UUID incident, String queue, List<String> usernames, Locale locale) {
        if (usernames == null || usernames.isEmpty() || usernames.size() > 200) {
            throw ProblemException.invalid("usernames", "traffic.staff.refused.person", "");
        }
        List<Entry> entries = new ArrayList<>();
        for (String username : usernames) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("username", username);
            payload.put("queue", queue);
            entries.add(Entry.of(UUID.randomUUID(), StaffKinds.MOVED, incident, clock.instant(), payload));
        }
        return journal.push(API_DEVICE, actor, entries, locale);
    }

    /** Sends people back (everyone moved for the incident when no names are given, everyone moved when neither is). */
    public List<PushResult> sendBack(Actor actor, @Nullable UUID incident, @Nullable List<String> usernames, Locale locale) {
        List<Entry> entries = new ArrayList<>();
        for (var m : moves.current()) {
            boolean named = usernames == null || usernames.isEmpty() ? incident == null || incident.equals(m.incidentId())
                    : usernames.contains(m.username());
            if (named) {
                entries.add(Entry.of(UUID.randomUUID(), StaffKinds.RETURNED, null, clock.instant(), Map.of("username", m.username())));
            }
        }
        return journal.push(API_DEVICE, actor, entries, locale);
    }

    public List<Move> current() {
        return moves.current().stream().map(MoveRepository::view).toList();
    }

    public List<Move> recent() {
        return moves.recent().stream().map(MoveRepository::view).toList();
    }

    /** Everyone moved for an incident goes back, as the server (when the incident is resolved). */
    public void sendBackAll(UUID incident) {
        List<Entry> entries = new ArrayList<>();
        for (var m : moves.current()) {
            if (incident.equals(m.incidentId())) {
                entries.add(Entry.of(UUID.randomUUID(), StaffKinds.RETURNED, null, clock.instant(), Map.of("username", m.username())));
            }
        }
        if (!entries.isEmpty()) {
            journal.recordAsServer(entries);
        }
    }
}
