package org.stormdesk.site.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.site.SiteKinds;

import java.util.Locale;

/** How the seat entries read in a management log (a move off a broken seat, a device fixed). */
@Singleton
public class SiteText implements EntryText {

    private final Messages messages;

    public SiteText(Messages messages) {
        this.messages = messages;
    }

    @Override
    public boolean handles(String kind) {
        return SiteKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case SiteKinds.SEAT_MOVED -> e.text("seat") != null
                    ? messages.get(locale, "site.log.movedToSeat", e.actor(), e.text("username"), e.text("seat"))
                    : messages.get(locale, "site.log.movedToWork", e.actor(), e.text("username"), e.text("work"));
            case SiteKinds.SEAT_TAKEN -> messages.get(locale, "site.log.taken", e.actor(), e.text("seat"));
            case SiteKinds.SEAT_LEFT -> messages.get(locale, "site.log.left", e.actor());
            case SiteKinds.EQUIPMENT_FIXED -> messages.get(locale, "site.log.fixed", e.actor(), e.text("seat"),
                    e.text("device") == null ? messages.get(locale, "site.device.all")
                            : messages.get(locale, "site.device." + e.text("device")),
                    e.text("note") == null ? "" : messages.get(locale, "site.log.withNote", e.text("note")));
            default -> e.kind();
        };
    }
}
