package org.stormdesk.traffic.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.traffic.Erlang;
import org.stormdesk.traffic.Queue;
import org.stormdesk.traffic.Sample;
import org.stormdesk.traffic.TrafficDesk;
import org.stormdesk.traffic.TrafficPattern;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo center's traffic: three queues fed from {@link TrafficPattern} (daily and weekly patterns, noise), four weeks
 * of history at the first start so the baselines are learned, then each interval as it completes, through the same
 * intake as a real platform. A manager can set off a surge from the app; the simulator then reports the running
 * interval at once, so the detector sees it without waiting for the interval to end.
 */
@Singleton
@Requires(env = "demo")
@Requires(property = "stormdesk.traffic.simulator.enabled", notEquals = "false")
public class Simulator {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    static final int INTERVAL = 300;
    static final int HISTORY_DAYS = 28;

    private record Simulated(Queue queue, TrafficPattern pattern) {
    }

    private final TrafficDesk desk;
    private final Clock clock;
    private final List<Simulated> queues = new ArrayList<>();
    /** Surges set off from the app: queue → {size, until}. */
    private final Map<String, Triggered> triggered = new ConcurrentHashMap<>();

    /** A surge set off from the app, until when, and how big. */
    public record Triggered(double size, Instant from, Instant until) {
    }

    public Simulator(TrafficDesk desk, Clock clock, SurgeWatch watch) {
        this.desk = desk;
        this.clock = clock;
        queues.add(new Simulated(new Queue("demo-voice", "Hotline 95000", "voice", INTERVAL, 0.8, 20, null),
                new TrafficPattern(20, watch.zone(), Duration.ofSeconds(INTERVAL), 1)));
        queues.add(new Simulated(new Queue("demo-billing", "Billing line", "voice", INTERVAL, 0.8, 30, 120),
                new TrafficPattern(8, watch.zone(), Duration.ofSeconds(INTERVAL), 2)));
        queues.add(new Simulated(new Queue("demo-chat", "Web chat", "chat", INTERVAL, 0.8, 60, null),
                new TrafficPattern(14, watch.zone(), Duration.ofSeconds(INTERVAL), 3)));
    }

    @Scheduled(fixedDelay = "20s", initialDelay = "3s")
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The traffic simulator failed; it runs again shortly", e);
        }
    }

    /** Reports every completed interval not reported yet (four weeks of them at the first start). */
    public synchronized void run() {
        Instant now = clock.instant();
        Instant current = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), INTERVAL));
        for (Simulated s : queues) {
            if (desk.queue(s.queue().code()).isEmpty()) {
                desk.saveQueue(s.queue());
            }
            Instant last = desk.lastReported(s.queue().code());
            Instant from = last == null ? current.minus(Duration.ofDays(HISTORY_DAYS)) : last.plusSeconds(INTERVAL);
            List<Sample> batch = new ArrayList<>();
            for (Instant at = from; at.isBefore(current); at = at.plusSeconds(INTERVAL)) {
                batch.add(sample(s, at));
                if (batch.size() == TrafficDesk.MAX_BATCH) {
                    desk.ingest(batch, Messages.EN);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                desk.ingest(batch, Messages.EN);
            }
            Triggered t = triggered.get(s.queue().code());
            if (t != null && now.isBefore(t.until()) && (last == null || current.isAfter(last))) {
                // a surge set off from the app shows in the running interval straight away
                desk.ingest(List.of(sample(s, current)), Messages.EN);
            }
        }
    }

    /** Sets off a surge on a queue (all simulated queues when null): {@code size} times the usual volume for a while. */
    public List<String> trigger(@Nullable String queue, double size, Duration lasting) {
        Instant from = clock.instant();
        Instant until = from.plus(lasting);
        List<String> codes = new ArrayList<>();
        for (Simulated s : queues) {
            if (queue == null || queue.equals(s.queue().code())) {
                triggered.put(s.queue().code(), new Triggered(size, from, until));
                codes.add(s.queue().code());
            }
        }
        if (!codes.isEmpty()) {
            run();
        }
        return codes;
    }

    public Map<String, Triggered> triggered() {
        return Map.copyOf(triggered);
    }

    private Sample sample(Simulated s, Instant at) {
        double rate = s.pattern().rate(at);
        Triggered t = triggered.get(s.queue().code());
        if (t != null && at.isBefore(t.until()) && at.plusSeconds(INTERVAL).isAfter(t.from())) {
            rate = Math.max(rate * t.size(), rate + 40);
        }
        int offered = s.pattern().draw(rate);
        double aht = s.queue().channel().equals("chat") ? 420 : 240;
        // staffed for the normal volume of the interval, as a workforce plan would
        int staffed = Math.max(1, Erlang.required(Erlang.erlangs(s.pattern().rate(at), INTERVAL, aht), aht,
                s.queue().answerWithin(), s.queue().target(), null).agents());
        double load = Erlang.erlangs(offered, INTERVAL, aht);
        int waiting = (int) Math.max(0, Math.round(load - staffed));
        int abandoned = Math.min(offered, waiting / 2);
        return new Sample(s.queue().code(), s.queue().channel(), at, INTERVAL, offered, offered - abandoned, abandoned, aht,
                waiting, waiting > 0 ? 30 + 15 * waiting : 0, staffed, Math.max(0, staffed - (int) Math.ceil(load)));
    }
}
