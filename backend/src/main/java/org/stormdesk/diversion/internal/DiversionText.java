package org.stormdesk.diversion.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.diversion.DiversionKinds;
import org.stormdesk.diversion.db.MessageRepository;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;

import java.util.Locale;

/** How the diversion entries read in an incident's management log. */
@Singleton
public class DiversionText implements EntryText {

    private final Messages messages;
    private final MessageRepository library;

    public DiversionText(Messages messages, MessageRepository library) {
        this.messages = messages;
        this.library = library;
    }

    @Override
    public boolean handles(String kind) {
        return DiversionKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        String title = DiversionEntries.uuid(e.text("message")).flatMap(library::findById).map(m -> m.title()).orElse("?");
        String channel = DiversionEntries.uuid(e.text("message")).flatMap(library::findById).map(m -> m.channel()).orElse("");
        return messages.get(locale, DiversionKinds.ACTIVATED.equals(e.kind()) ? "log.diversion.on" : "log.diversion.off",
                e.actor(), title, messages.get(locale, "diversion.channel." + channel));
    }
}
