package org.stormdesk.evacuation.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.evacuation.EvacuationKinds;
import org.stormdesk.evacuation.db.RollCallRepository;
import org.stormdesk.evacuation.db.RollCallRow;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;

import java.util.List;
import java.util.Locale;

/** How the evacuation entries read in an incident's management log, in the reader's language. */
@Singleton
public class EvacuationText implements EntryText {

    private final Messages messages;
    private final RollCallRepository rollCalls;

    public EvacuationText(Messages messages, RollCallRepository rollCalls) {
        this.messages = messages;
        this.rollCalls = rollCalls;
    }

    @Override
    public boolean handles(String kind) {
        return EvacuationKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case EvacuationKinds.FIRE_TRIAGED -> messages.get(locale, "log.evacuation.triaged", e.actor(),
                    messages.get(locale, "evacuation.answer." + e.text("answer")), note(e, locale));
            case EvacuationKinds.ROLLCALL_LISTED -> messages.get(locale, "log.evacuation.listed",
                    e.payload().get("people") instanceof List<?> l ? l.size() : 0);
            case EvacuationKinds.ROLLCALL_STARTED -> {
                Object expected = e.payload().get("expected");
                String assembly = e.text("assemblyPoint") == null || e.text("assemblyPoint").isBlank()
                        ? messages.get(locale, "evacuation.noAssemblyPoint") : e.text("assemblyPoint");
                yield messages.get(locale, Boolean.TRUE.equals(e.payload().get("drill")) ? "log.evacuation.startedDrill"
                        : "log.evacuation.started", expected, e.text("site"), assembly);
            }
            case EvacuationKinds.ROLLCALL_MARKED -> {
                String username = e.text("username") == null ? e.actor() : e.text("username");
                String status = messages.get(locale, "evacuation.status." + e.text("status"));
                yield username.equals(e.actor())
                        ? messages.get(locale, "log.evacuation.markedSelf", username, status, e.device())
                        : messages.get(locale, "log.evacuation.marked", e.actor(), username, status, e.device());
            }
            case EvacuationKinds.ROLLCALL_CLOSED -> {
                String counts = rollCalls.findById(e.incident()).map(RollCallRow::closedCounts).orElse("0/0/0/0");
                String[] c = (counts == null ? "0/0/0/0" : counts).split("/");
                yield messages.get(locale, "log.evacuation.closed", e.actor(), c[0], c[1], c[2], c[3],
                        e.text("reason") == null ? "" : messages.get(locale, "log.withNote", e.text("reason")));
            }
            case EvacuationKinds.ZONE_SET -> messages.get(locale, "log.evacuation.zone", e.actor(), e.text("zone"),
                    messages.get(locale, "evacuation.zoneState." + e.text("state")));
            default -> e.kind();
        };
    }

    private String note(StoredEntry e, Locale locale) {
        return e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
    }
}
