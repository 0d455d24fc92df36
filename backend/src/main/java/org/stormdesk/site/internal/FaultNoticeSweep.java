package org.stormdesk.site.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.site.db.FaultRepository;
import org.stormdesk.site.db.FaultRow;
import org.stormdesk.site.db.SeatRepository;
import org.stormdesk.site.db.SeatRow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tells maintenance of each new fault, with the seat and the device (S1.3): a {@code notice.requested} to
 * {@code role:maintenance} on the fault's incident, which the notifications deliver. The notice's id is derived from
 * the fault, so however many nodes run this, and however often, maintenance is told once; no lease is needed.
 */
@Singleton
public class FaultNoticeSweep {

    private static final Logger LOG = LoggerFactory.getLogger(FaultNoticeSweep.class);
    static final int BATCH = 100;
    /** The notify capability's entry kind and reason (docs/sync-protocol.md, notice kinds). */
    static final String NOTICE_REQUESTED = "notice.requested";
    public static final String REASON = "site.fault";

    private final FaultRepository faults;
    private final SeatRepository seats;
    private final Journal journal;
    private final Messages messages;
    private final Clock clock;
    private final boolean scheduled;

    public FaultNoticeSweep(FaultRepository faults, SeatRepository seats, Journal journal, Messages messages, Clock clock,
                            @Value("${stormdesk.site.sweep:true}") boolean scheduled) {
        this.faults = faults;
        this.seats = seats;
        this.journal = journal;
        this.messages = messages;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    /** The id of the notice that tells maintenance of a fault. */
    public static UUID noticeOf(UUID fault) {
        return UUID.nameUUIDFromBytes(("site.fault.notice:" + fault).getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "5s")
    void everyFewSeconds() {
        if (!scheduled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The fault notice sweep failed; it runs again in a few seconds", e);
        }
    }

    /** Records a notice for every fault maintenance has not been told of; answers how many were stored now. */
    public int run() {
        int stored = 0;
        List<FaultRow> due;
        do {
            due = faults.unnotified(BATCH);
            if (due.isEmpty()) {
                break;
            }
            List<Entry> notices = new ArrayList<>();
            for (FaultRow f : due) {
                notices.add(Entry.of(noticeOf(f.id()), NOTICE_REQUESTED, f.incident(), clock.instant(), payload(f)));
            }
            List<PushResult> results = journal.recordAsServer(notices);
            for (int i = 0; i < results.size(); i++) {
                PushResult r = results.get(i);
                if (PushResult.STORED.equals(r.status())) {
                    stored++;
                } else if (!r.accepted()) {
                    LOG.warn("Maintenance could not be told of fault {}: {}", due.get(i).id(), r.reason());
                }
                faults.notified(due.get(i).id());
            }
        } while (due.size() == BATCH);
        return stored;
    }

    private Map<String, Object> payload(FaultRow f) {
        SeatRow seat = seats.findById(f.seat()).orElse(null);
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            message.put(tag(locale), messages.get(locale, "site.notice.fault", f.seat(),
                    seat == null ? "" : seat.floor(), seat == null ? "" : seat.zone(),
                    messages.get(locale, "site.device." + f.device()), f.reportedBy()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.of("role:maintenance"));
        payload.put("message", message);
        payload.put("reason", REASON);
        payload.put("seat", f.seat());
        payload.put("device", f.device());
        return payload;
    }

    static String tag(Locale locale) {
        return locale.equals(Messages.EN) ? "en" : locale.equals(Messages.ZH_TW) ? "zh-TW" : "zh-CN";
    }
}
