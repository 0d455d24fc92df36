package org.stormdesk.capture.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.capture.CaptureKinds;
import org.stormdesk.capture.db.RecordRepository;
import org.stormdesk.capture.db.ViewRepository;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Purges captured records older than the retention period the administrator set (customer data is kept only that
 * long): each purge is a {@code customer.purged} entry by the server naming the records and their number, so the
 * purge is logged and counted, and a rebuild of the projection purges them again. The audit of views goes too.
 */
@Singleton
public class CapturePurge {

    private static final Logger LOG = LoggerFactory.getLogger(CapturePurge.class);
    static final int BATCH = 500;

    private final RecordRepository records;
    private final ViewRepository views;
    private final CaptureSetup setup;
    private final Journal journal;
    private final Clock clock;
    private final boolean scheduled;

    public CapturePurge(RecordRepository records, ViewRepository views, CaptureSetup setup, Journal journal, Clock clock,
                        @Value("${stormdesk.capture.sweep:true}") boolean scheduled) {
        this.records = records;
        this.views = views;
        this.setup = setup;
        this.journal = journal;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void hourly() {
        if (!scheduled) {
            return;
        }
        try {
            run("system");
        } catch (RuntimeException e) {
            LOG.warn("The purge of captured records failed; it runs again within the hour", e);
        }
    }

    /** Purges every record past the retention period; answers how many. */
    public int run(String by) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(setup.retentionDays()));
        int purged = 0;
        List<UUID> ids;
        do {
            ids = records.capturedBefore(cutoff, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("before", cutoff.toString());
            payload.put("count", ids.size());
            payload.put("records", ids.stream().map(UUID::toString).toList());
            payload.put("by", by);
            journal.recordAsServer(List.of(Entry.of(UUID.randomUUID(), CaptureKinds.PURGED, null, clock.instant(), payload)));
            purged += ids.size();
        } while (ids.size() == BATCH);
        views.purgeBefore(cutoff);
        if (purged > 0) {
            LOG.info("Purged {} captured customer records captured before {}", purged, cutoff);
        }
        return purged;
    }
}
