package org.stormdesk.capture.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.capture.CaptureKinds;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;

import java.util.Locale;

/** How the capture entries read in an incident's management log: no customer's name or number in it. */
@Singleton
public class CaptureText implements EntryText {

    private final Messages messages;

    public CaptureText(Messages messages) {
        this.messages = messages;
    }

    @Override
    public boolean handles(String kind) {
        return CaptureKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case CaptureKinds.CAPTURED -> messages.get(locale, "capture.log.captured", e.actor(),
                    messages.get(locale, "capture.category." + e.text("category")),
                    Boolean.TRUE.equals(e.payload().get("callbackPromised")) ? messages.get(locale, "capture.log.callbackPromised") : "");
            case CaptureKinds.BACKFILLED -> messages.get(locale, "capture.log.backfilled", e.actor(), e.text("crmReference"));
            case CaptureKinds.BACKFILL_REJECTED -> messages.get(locale, "capture.log.rejected", e.actor(), e.text("reason"));
            case CaptureKinds.PURGED -> messages.get(locale, "capture.log.purged", e.payload().get("count"));
            default -> e.kind();
        };
    }
}
