package org.stormdesk.callback.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.callback.CallbackKinds;
import org.stormdesk.callback.db.TaskRepository;
import org.stormdesk.callback.db.TaskRow;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;

import java.util.Locale;

/** How the callback entries read in an incident's management log (the customer by name; the number is not repeated). */
@Singleton
public class CallbackText implements EntryText {

    private final Messages messages;
    private final TaskRepository tasks;

    public CallbackText(Messages messages, TaskRepository tasks) {
        this.messages = messages;
        this.tasks = tasks;
    }

    @Override
    public boolean handles(String kind) {
        return CallbackKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        String customer = CallbackProjection.uuid(e.text("taskId")).flatMap(tasks::findById).map(TaskRow::customerName).orElse("");
        String note = e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
        if (CallbackKinds.ATTEMPTED.equals(e.kind())) {
            return messages.get(locale, "log.callback.attempted", e.actor(), customer,
                    messages.get(locale, "callback.outcome." + e.text("outcome")), note);
        }
        return messages.get(locale, "log.callback.reassigned", e.actor(), customer, e.text("to"), note);
    }
}
