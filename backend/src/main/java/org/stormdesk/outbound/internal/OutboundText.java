package org.stormdesk.outbound.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.outbound.OutboundKinds;
import org.stormdesk.outbound.db.TaskRepository;
import org.stormdesk.outbound.db.TaskRow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the outbound entries read in an incident's management log (the customer by name; the number is not repeated). */
@Singleton
public class OutboundText implements EntryText {

    private final Messages messages;
    private final TaskRepository tasks;

    public OutboundText(Messages messages, TaskRepository tasks) {
        this.messages = messages;
        this.tasks = tasks;
    }

    @Override
    public boolean handles(String kind) {
        return OutboundKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case OutboundKinds.REALLOCATED -> {
                List<Map<String, Object>> moves = OutboundEntries.moves(e.payload());
                long toNobody = moves == null ? 0 : moves.stream().filter(m -> m.get("to") == null).count();
                yield messages.get(locale, "log.outbound.reallocated", e.actor(), moves == null ? 0 : moves.size(), toNobody);
            }
            case OutboundKinds.PLANNED -> messages.get(locale, "log.outbound.planned", e.actor(), e.text("campaign"), e.text("customerName"));
            default -> {
                String customer = OutboundEntries.uuid(e.text("taskId")).flatMap(tasks::findById).map(TaskRow::customerName).orElse("");
                yield messages.get(locale, "log.outbound.attempted", e.actor(), customer, messages.get(locale, "outbound.outcome." + e.text("outcome")));
            }
        };
    }
}
