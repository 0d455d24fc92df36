package org.stormdesk.media.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.media.MediaKinds;
import org.stormdesk.media.db.InquiryRepository;
import org.stormdesk.media.db.InquiryRow;
import org.stormdesk.notify.NoticeKinds;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells leadership about media inquiries no manager acknowledged in time (S8.1: the manager is reached at once;
 * if they are not, someone above them is). Every node runs it; like the escalation sweep it claims due rows under
 * a short lease ({@code FOR UPDATE SKIP LOCKED}), commits, and records a notice as the server, whose id is derived
 * from the inquiry: however many nodes race, leadership is told once.
 */
@Singleton
public class MediaSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSweep.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int BATCH = 100;

    private final InquiryRepository inquiries;
    private final Journal journal;
    private final TransactionOperations<Connection> tx;
    private final Messages messages;
    private final MediaEntries entries;
    private final Clock clock;
    private final boolean scheduled;

    public MediaSweep(InquiryRepository inquiries, Journal journal, TransactionOperations<Connection> tx,
                      Messages messages, MediaEntries entries, Clock clock,
                      @Value("${stormdesk.media.sweep:true}") boolean scheduled) {
        this.inquiries = inquiries;
        this.journal = journal;
        this.tx = tx;
        this.messages = messages;
        this.entries = entries;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void everyFewSeconds() {
        if (!scheduled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The media sweep failed; it runs again in a few seconds", e);
        }
    }

    /** Tells leadership of every inquiry overdue for acknowledgement; answers how many notices were stored. */
    public int run() {
        int stored = 0;
        List<InquiryRow> due;
        do {
            Instant now = clock.instant();
            due = tx.executeWrite(status -> {
                List<InquiryRow> rows = inquiries.claimableDue(now, BATCH);
                for (InquiryRow row : rows) {
                    inquiries.claim(row.id(), now.plus(LEASE));
                }
                return rows;
            });
            if (due.isEmpty()) {
                break;
            }
            List<Entry> notices = new ArrayList<>();
            for (InquiryRow row : due) {
                notices.add(Entry.of(MediaEntries.escalationOf(row.id()), NoticeKinds.NOTICE_REQUESTED, row.incidentId(),
                        clock.instant(), payload(row)));
            }
            for (PushResult result : journal.recordAsServer(notices)) {
                if (PushResult.STORED.equals(result.status())) {
                    stored++;
                }
            }
        } while (due.size() == BATCH);
        return stored;
    }

    private Map<String, Object> payload(InquiryRow row) {
        Map<String, String> message = new LinkedHashMap<>();
        long minutes = entries.ackWithin().toMinutes();
        for (Locale locale : Messages.all()) {
            message.put(MediaEntries.tag(locale), messages.get(locale, "media.notice.unacknowledged", row.outlet(),
                    row.name(), minutes, row.subject()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.of("role:leadership"));
        payload.put("message", message);
        payload.put("reason", MediaKinds.NOTICE_REASON_UNACKNOWLEDGED);
        payload.put("inquiry", row.id().toString());
        return payload;
    }
}
