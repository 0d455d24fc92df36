package org.stormdesk.traffic.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;
import org.stormdesk.traffic.Queue;
import org.stormdesk.traffic.StaffKinds;
import org.stormdesk.traffic.db.MoveRepository;
import org.stormdesk.traffic.db.MoveRow;
import org.stormdesk.traffic.db.TrafficStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges and applies the staff moves of a surge (S7.1): a manager moves someone on shift in outbound or support onto a
 * queue, for an incident that is not resolved, and sends them back; each move and return is stored after a notice to
 * the person, recorded by the server in the same transaction, so nobody is moved without being told.
 */
@Singleton
public class StaffEntries implements EntryHandler {

    static final String[] ROLES = {"manager", "admin"};

    private final MoveRepository moves;
    private final TrafficStore store;
    private final Roster roster;
    private final Messages messages;
    private final BeanProvider<IncidentDesk> incidents;
    private final Clock clock;

    public StaffEntries(MoveRepository moves, TrafficStore store, Roster roster, Messages messages,
                        BeanProvider<IncidentDesk> incidents, Clock clock) {
        this.moves = moves;
        this.store = store;
        this.roster = roster;
        this.messages = messages;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The id of the notice that goes with a move or a return. */
    public static UUID noticeOf(UUID entry) {
        return UUID.nameUUIDFromBytes(("traffic.staff.notice:" + entry).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handles(String kind) {
        return StaffKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        boolean server = Actor.SYSTEM.username().equals(actor.username());
        if (!server && !actor.hasAny(ROLES)) {
            return Verdict.refuse("traffic.staff.refused.role");
        }
        String username = entry.text("username");
        if (username == null) {
            return Verdict.refuse("traffic.staff.refused.person", "");
        }
        if (StaffKinds.RETURNED.equals(entry.kind())) {
            List<MoveRow> current = moves.currentOf(username);
            if (current.isEmpty()) {
                return Verdict.refuse("traffic.staff.refused.notMoved", username);
            }
            MoveRow move = current.getFirst();
            return Verdict.acceptAfter(move.incidentId(), List.of(notice(entry, username, move.incidentId(),
                    "traffic.staff.notice.returned", move.queue())));
        }
        if (server) {
            return Verdict.refuse("traffic.staff.refused.role");
        }
        Optional<Queue> queue = Optional.ofNullable(entry.text("queue")).flatMap(store::queue);
        if (queue.isEmpty()) {
            return Verdict.refuse("traffic.sample.unknownQueue", String.valueOf(entry.text("queue")));
        }
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        Optional<Incident> incident = incidents.get().find(entry.incident());
        if (incident.isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        if ("resolved".equals(incident.get().state())) {
            return Verdict.refuse("traffic.staff.refused.resolved");
        }
        Instant at = entry.recordedAt() == null ? clock.instant() : entry.recordedAt();
        Optional<Shift> shift = roster.shiftOf(username, at);
        if (shift.isEmpty() || !StaffKinds.PULLED_FROM.contains(shift.get().position())) {
            return Verdict.refuse("traffic.staff.refused.person", username);
        }
        if (!moves.currentOf(username).isEmpty()) {
            return Verdict.refuse("traffic.staff.refused.alreadyMoved", username);
        }
        return Verdict.acceptAfter(entry.incident(), List.of(notice(entry, username, entry.incident(), "traffic.staff.notice.moved",
                queue.get().name())));
    }

    private Entry notice(Entry entry, String username, UUID incident, String key, String queue) {
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            String tag = locale.equals(Messages.ZH_CN) ? "zh-CN" : locale.equals(Messages.ZH_TW) ? "zh-TW" : "en";
            message.put(tag, messages.get(locale, key, queue));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.of("user:" + username));
        payload.put("message", message);
        payload.put("reason", entry.kind());
        return Entry.of(noticeOf(entry.id()), NoticeKinds.NOTICE_REQUESTED, incident, entry.recordedAt(), payload);
    }

    @Override
    public void apply(StoredEntry e) {
        String username = e.text("username");
        if (StaffKinds.MOVED.equals(e.kind())) {
            String position = roster.shiftOf(username, e.recordedAt()).map(Shift::position).orElse("other");
            moves.save(new MoveRow(e.id(), username, e.text("queue"), e.incident(), position, e.actor(), e.receivedAt(), null, null));
        } else if (StaffKinds.RETURNED.equals(e.kind())) {
            moves.returned(username, e.actor(), e.receivedAt());
        }
    }

    @Override
    public void reset() {
        moves.forget();
    }
}
