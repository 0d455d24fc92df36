package org.stormdesk.power.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.power.PowerKinds;

import java.util.Locale;
import java.util.Map;

/** How the power entries read in a log. */
@Singleton
public class PowerText implements EntryText {

    private final Messages messages;

    public PowerText(Messages messages) {
        this.messages = messages;
    }

    @Override
    public boolean handles(String kind) {
        return PowerKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case PowerKinds.ANNOUNCEMENT_POSTED -> {
                Map<String, String> texts = PowerEntries.texts(e.payload().get("text"), e.text("language"));
                String text = texts.getOrDefault(PowerSweep.tag(locale), texts.values().stream().findFirst().orElse(""));
                yield messages.get(locale, "power.log.announced", e.actor(), text);
            }
            case PowerKinds.OUTAGE_STARTED -> messages.get(locale, "power.log.started");
            case PowerKinds.OUTAGE_ITEM_DONE -> messages.get(locale, "power.log.itemDone", e.actor());
            default -> e.kind();
        };
    }
}
