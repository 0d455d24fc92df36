package org.stormdesk.diversion.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.stormdesk.diversion.DiversionKinds;
import org.stormdesk.diversion.db.ActiveRepository;
import org.stormdesk.diversion.db.ActiveRow;
import org.stormdesk.diversion.db.MessageRepository;
import org.stormdesk.diversion.db.MessageRow;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;

import java.util.Optional;
import java.util.UUID;

/**
 * Judges and applies the diversion entries: only a manager (or an administrator) switches a message on or off, only an
 * approved one, only for an incident that is not resolved ({@link DiversionOff} switches them off at resolution).
 */
@Singleton
public class DiversionEntries implements EntryHandler {

    static final String[] ROLES = {"manager", "admin"};

    private final MessageRepository messages;
    private final ActiveRepository active;
    /** Lazily: the incident desk is made with the journal, which is made with its handlers. */
    private final BeanProvider<IncidentDesk> incidents;

    public DiversionEntries(MessageRepository messages, ActiveRepository active, BeanProvider<IncidentDesk> incidents) {
        this.messages = messages;
        this.active = active;
        this.incidents = incidents;
    }

    @Override
    public boolean handles(String kind) {
        return DiversionKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        if (!actor.hasAny(ROLES)) {
            return Verdict.refuse("diversion.refused.role");
        }
        Optional<MessageRow> message = uuid(entry.text("message")).flatMap(messages::findById);
        if (message.isEmpty()) {
            return Verdict.refuse("diversion.refused.unknownMessage");
        }
        if (DiversionKinds.DEACTIVATED.equals(entry.kind())) {
            Optional<ActiveRow> on = active.findById(message.get().id());
            return on.isEmpty() ? Verdict.refuse("diversion.refused.notActive") : Verdict.accept(on.get().incidentId());
        }
        if (message.get().approvedAt() == null) {
            return Verdict.refuse("diversion.refused.notApproved");
        }
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        Optional<Incident> incident = incidents.get().find(entry.incident());
        if (incident.isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        if ("resolved".equals(incident.get().state())) {
            return Verdict.refuse("diversion.refused.resolved");
        }
        return Verdict.accept(entry.incident());
    }

    @Override
    public void apply(StoredEntry e) {
        Optional<UUID> id = uuid(e.text("message"));
        if (id.isEmpty()) {
            return;
        }
        if (DiversionKinds.ACTIVATED.equals(e.kind())) {
            messages.findById(id.get()).ifPresent(m -> {
                active.findById(m.id()).ifPresent(active::delete);
                active.save(new ActiveRow(m.id(), e.incident(), m.channel(), e.actor(), e.receivedAt(), e.seq()));
            });
        } else if (DiversionKinds.DEACTIVATED.equals(e.kind())) {
            active.deleteById(id.get());
        }
    }

    @Override
    public void reset() {
        active.forget();
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
