package org.stormdesk.notify.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Backoff;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.notify.Channel;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.notify.NotifySettings;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Sends what the outbox holds. Every second, for each channel with room, it claims due deliveries (a
 * conditional UPDATE: of two sweeps, on one node or two, exactly one gets a row) and sends each on a virtual
 * thread of its own, so a channel that is slow or down holds back only its own deliveries, a few at a time.
 * Each outcome is recorded in the journal ({@code notice.delivered}, {@code notice.failed} with the time of
 * the next attempt, {@code notice.given_up}), whose projection updates the row. A sender that dies mid-send
 * leaves a claim that runs out, and the delivery is tried again: a message may, rarely, arrive twice, but
 * none is lost.
 */
@Singleton
public class DeliverySweep {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySweep.class);
    static final int MAX_ERROR = 1000;

    private final DeliveryRepository deliveries;
    private final ChannelBook channels;
    private final ChannelSenders senders;
    private final NoticeText text;
    private final Journal journal;
    private final Clock clock;
    private final NotifySettings settings;
    private final Backoff retries;
    private final Duration lease;
    private final Map<Channel, Semaphore> slots = new EnumMap<>(Channel.class);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final MeterRegistry metrics;

    DeliverySweep(DeliveryRepository deliveries, ChannelBook channels, ChannelSenders senders, NoticeText text,
                  Journal journal, Clock clock, NotifySettings settings, MeterRegistry metrics) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.channels = channels;
        this.senders = senders;
        this.text = text;
        this.journal = journal;
        this.clock = clock;
        this.settings = settings;
        this.retries = new Backoff(settings.maxAttempts());
        // longer than any attempt can take: an SMTP conversation has a few timed-out steps
        this.lease = settings.timeout().multipliedBy(6).plusSeconds(30);
        for (Channel c : Channel.values()) {
            slots.put(c, new Semaphore(Math.max(1, settings.inFlight())));
        }
        int perChannel = Math.max(1, settings.inFlight());
        // deliveries this node holds a claim on and is sending now (its share of the deliveries' leases)
        metrics.gauge("stormdesk.sweep.claimed", Tags.of("sweep", "deliveries"), slots,
                s -> s.values().stream().mapToInt(room -> perChannel - room.availablePermits()).sum());
    }

    @Scheduled(fixedDelay = "250ms", initialDelay = "1s")
    void everySecond() {
        if (!settings.sweep()) {
            return;
        }
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("The delivery sweep failed; trying again in a second", e);
        }
    }

    /** Claims what is due and starts sending it; the futures complete when each outcome is recorded. */
    public List<CompletableFuture<Void>> sweep() {
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        Instant now = clock.instant();
        for (Channel channel : Channel.values()) {
            Semaphore room = slots.get(channel);
            int free = room.availablePermits();
            if (free == 0) {
                continue;
            }
            for (DeliveryRow row : deliveries.due(channel.wire(), now, free)) {
                if (!room.tryAcquire()) {
                    break;
                }
                if (deliveries.claim(row.id(), now, now.plus(lease)) != 1) {
                    room.release();
                    continue;
                }
                sending.add(CompletableFuture.runAsync(() -> {
                    try {
                        attempt(row);
                    } finally {
                        room.release();
                    }
                }, workers));
            }
        }
        return sending;
    }

    private void attempt(DeliveryRow row) {
        int attempt = row.attempts() + 1;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivery", row.id().toString());
        payload.put("channel", row.channel());
        payload.put("recipient", row.recipient());
        payload.put("attempt", attempt);
        String kind;
        try {
            Channel channel = Channel.parse(row.channel()).orElseThrow();
            senders.send(channels.config(channel), text.of(row));
            kind = NoticeKinds.NOTICE_DELIVERED;
        } catch (DeliveryFailure | RuntimeException failure) {
            String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            payload.put("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error);
            Optional<Instant> retryAt = retries.retryAt(attempt, clock.instant());
            if (retryAt.isPresent()) {
                payload.put("retryAt", retryAt.get().toString());
                kind = NoticeKinds.NOTICE_FAILED;
            } else {
                kind = NoticeKinds.NOTICE_GIVEN_UP;
            }
            LOG.info("Delivery {} on {} to {} failed (attempt {}): {}", row.id(), row.channel(), row.recipient(), attempt, error);
        }
        outcomes(row.channel(), kind).increment();
        UUID id = UUID.nameUUIDFromBytes((kind + ":" + row.id() + ":" + attempt).getBytes(StandardCharsets.UTF_8));
        try {
            PushResult result = journal.recordAsServer(List.of(Entry.of(id, kind, row.incidentId(), clock.instant(), payload)))
                    .getFirst();
            if (!result.accepted()) {
                LOG.error("The journal refused the outcome of delivery {}: {}", row.id(), result.reason());
            }
        } catch (RuntimeException e) {
            // the claim runs out and the delivery is tried again
            LOG.warn("Could not record the outcome of delivery {}", row.id(), e);
        }
    }

    /** Attempts by channel and outcome: delivered, failed (to be retried) or given up. */
    private Counter outcomes(String channel, String kind) {
        String outcome = kind.substring(kind.indexOf('.') + 1);
        return Counter.builder("stormdesk.deliveries").description("Delivery attempts by channel and outcome")
                .tags("channel", channel, "outcome", outcome).register(metrics);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
