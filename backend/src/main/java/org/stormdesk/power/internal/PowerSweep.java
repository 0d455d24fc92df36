package org.stormdesk.power.internal;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.app.Settings;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.power.PowerKinds;
import org.stormdesk.power.PowerSettings;
import org.stormdesk.power.db.ItemRepository;
import org.stormdesk.power.db.OutageRepository;
import org.stormdesk.power.db.OutageRow;
import org.stormdesk.power.db.WarningRepository;
import org.stormdesk.power.db.WarningRow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the warnings before planned outages and starts their plans when the window opens (S3.3). A warning is an
 * announcement the server posts (to the staff on shift now and during the window); the start is an
 * {@code outage.started} entry and an announcement. Every entry's id is derived from the row it comes from, so
 * however many nodes sweep, and however often, each goes out once; no lease is needed.
 */
@Singleton
public class PowerSweep {

    private static final Logger LOG = LoggerFactory.getLogger(PowerSweep.class);
    static final int BATCH = 50;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WarningRepository warnings;
    private final OutageRepository outages;
    private final ItemRepository items;
    private final Journal journal;
    private final Messages messages;
    private final PowerSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    public PowerSweep(WarningRepository warnings, OutageRepository outages, ItemRepository items, Journal journal,
                      Messages messages, PowerSettings settings, Settings app, Clock clock) {
        this.warnings = warnings;
        this.outages = outages;
        this.items = items;
        this.journal = journal;
        this.messages = messages;
        this.settings = settings;
        this.zone = ZoneId.of(app.timeZone());
        this.clock = clock;
    }

    static UUID entryOf(String warning, String what) {
        return UUID.nameUUIDFromBytes(("power." + what + ":" + warning).getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void everyFewSeconds() {
        if (!settings.sweep()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The power sweep failed; it runs again in a few seconds", e);
        }
    }

    /** Acts on every warning and start that is due; answers how many entries were stored now. */
    public int run() {
        int stored = 0;
        List<WarningRow> due;
        do {
            Instant now = clock.instant();
            due = warnings.due(now, BATCH);
            for (WarningRow w : due) {
                Optional<OutageRow> outage = outages.findById(w.outage());
                if (outage.isPresent() && outage.get().cancelledAt() == null && now.isBefore(outage.get().endsAt())) {
                    for (PushResult r : journal.recordAsServer(entries(w, outage.get(), now))) {
                        if (PushResult.STORED.equals(r.status())) {
                            stored++;
                        } else if (!r.accepted()) {
                            LOG.warn("A planned outage's {} could not be recorded: {}", w.stage(), r.reason());
                        }
                    }
                }
                warnings.recorded(w.id(), now);
            }
        } while (due.size() == BATCH);
        return stored;
    }

    private List<Entry> entries(WarningRow w, OutageRow o, Instant now) {
        List<Entry> out = new ArrayList<>();
        boolean start = WarningRow.START.equals(w.stage());
        if (start) {
            out.add(Entry.of(entryOf(w.id(), "started"), PowerKinds.OUTAGE_STARTED, null, now,
                    Map.of("outage", o.id().toString())));
        }
        int planItems = items.findByOutageOrderByPosition(o.id()).size();
        Map<String, String> text = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            String source = o.source() == null ? "" : messages.get(locale, "power.announce.source", o.source());
            text.put(tag(locale), start
                    ? messages.get(locale, "power.announce.started", o.site(), WHEN.withZone(zone).format(o.endsAt()), planItems)
                    : messages.get(locale, "power.announce.warning", o.site(), WHEN.withZone(zone).format(o.startsAt()),
                    WHEN.withZone(zone).format(o.endsAt()), source));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", text);
        payload.put("site", o.site());
        payload.put("outage", o.id().toString());
        out.add(Entry.of(entryOf(w.id(), "announcement"), PowerKinds.ANNOUNCEMENT_POSTED, null, now, payload));
        return out;
    }

    static String tag(Locale locale) {
        return locale.equals(Messages.EN) ? "en" : locale.equals(Messages.ZH_TW) ? "zh-TW" : "zh-CN";
    }
}
