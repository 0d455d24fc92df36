package org.stormdesk.traffic.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.traffic.StaffKinds;

import java.util.Locale;

/** How staff moves read in an incident's management log. */
@Singleton
public class StaffText implements EntryText {

    private final Messages messages;

    public StaffText(Messages messages) {
        this.messages = messages;
    }

    @Override
    public boolean handles(String kind) {
        return StaffKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return StaffKinds.MOVED.equals(e.kind())
                ? messages.get(locale, "log.traffic.staff.moved", e.actor(), e.text("username"), e.text("queue"))
                : messages.get(locale, "log.traffic.staff.returned", e.actor(), e.text("username"));
    }
}
