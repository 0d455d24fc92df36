package org.stormdesk.notify.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Owns the notice entries. A requested notice may come from a device (managers, supervisors, leadership,
 * administrators) or the server, and must name an audience and a message; a delivery's outcome comes from
 * the server only, and brings its outbox row up to date (so the row and the log never disagree).
 */
@Singleton
class NoticeHandler implements EntryHandler {

    static final Set<String> KINDS = Set.of(NoticeKinds.NOTICE_REQUESTED, NoticeKinds.NOTICE_DELIVERED,
            NoticeKinds.NOTICE_FAILED, NoticeKinds.NOTICE_GIVEN_UP);
    static final String[] REQUEST_ROLES = {"supervisor", "manager", "leadership", "admin"};
    static final int MAX_AUDIENCE = 50;
    static final int MAX_MESSAGE = 2000;

    private final DeliveryRepository deliveries;
    private final BeanProvider<IncidentDesk> incidents;

    NoticeHandler(DeliveryRepository deliveries, BeanProvider<IncidentDesk> incidents) {
        this.deliveries = deliveries;
        this.incidents = incidents;
    }

    static boolean server(Actor actor) {
        return Actor.SYSTEM.username().equals(actor.username()) && actor.roles().contains("system");
    }

    @Override
    public boolean handles(String kind) {
        return KINDS.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        if (!NoticeKinds.NOTICE_REQUESTED.equals(entry.kind())) {
            return server(actor) ? Verdict.accept(entry.incident()) : Verdict.refuse("journal.refused.serverOnly");
        }
        if (!server(actor) && !actor.hasAny(REQUEST_ROLES)) {
            return Verdict.refuse("notify.refused.role");
        }
        Object audience = entry.payload().get("audience");
        if (!(audience instanceof List<?> list) || list.isEmpty() || list.size() > MAX_AUDIENCE
                || NoticeProjection.audience(list).size() != list.size()) {
            return Verdict.refuse("notify.refused.audience");
        }
        Map<String, String> message = NoticeProjection.message(entry.payload().get("message"));
        if (message.isEmpty() || message.values().stream().anyMatch(s -> s.length() > MAX_MESSAGE)) {
            return Verdict.refuse("notify.refused.message", MAX_MESSAGE);
        }
        if (entry.incident() != null && incidents.get().find(entry.incident()).isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        return Verdict.accept(entry.incident());
    }

    @Override
    public void apply(StoredEntry e) {
        UUID delivery = uuid(e.text("delivery"));
        if (delivery == null) {
            return;
        }
        int attempt = e.payload().get("attempt") instanceof Number n ? n.intValue() : 1;
        switch (e.kind()) {
            case NoticeKinds.NOTICE_DELIVERED -> deliveries.markSent(delivery, attempt, e.receivedAt());
            case NoticeKinds.NOTICE_FAILED -> deliveries.markFailed(delivery, DeliveryRow.FAILED, attempt, e.text("error"),
                    instant(e.text("retryAt"), e.receivedAt()));
            case NoticeKinds.NOTICE_GIVEN_UP -> deliveries.markFailed(delivery, DeliveryRow.GIVEN_UP, attempt, e.text("error"),
                    e.receivedAt());
            default -> {
                // a requested notice: the outbox is written by NoticeProjection, as for escalations
            }
        }
    }

    /** The outbox is not rebuilt from scratch: what was sent must not be sent again. */
    @Override
    public void reset() {
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String s, Instant fallback) {
        try {
            return s == null ? fallback : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
