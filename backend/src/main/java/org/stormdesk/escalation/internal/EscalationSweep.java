package org.stormdesk.escalation.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.escalation.EscalationKinds;
import org.stormdesk.escalation.db.PlanRow;
import org.stormdesk.escalation.db.TimerRepository;
import org.stormdesk.escalation.db.TimerRow;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.procedure.Playbook;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;

/**
 * Fires the timers that fell due, and puts cancellations into the management log. Every node runs it every
 * second. Timers are rows, so a restart loses nothing: a level that fell due while the server was down fires
 * at the first sweep after it starts.
 * <p>
 * A sweep claims due rows in a short transaction ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then a claim that
 * lasts {@link #LEASE}: another node skips them, and takes them over only if this one dies before recording),
 * commits, and then records each firing through the journal as the server. It holds no row lock while recording,
 * because the journal's own transaction updates the same rows. The journal accepts a firing only while its level
 * is still pending, and the firing's id is derived from the level: a level fires once even when two sweeps race.
 * <p>
 * A plain scheduled method rather than a scheduler library: the rows already hold all the state a scheduler
 * would keep, and the journal is the only thing a firing must reach.
 */
@Singleton
public class EscalationSweep {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationSweep.class);
    /**
     * How long a claim keeps other nodes off a row: short, so that a node's death delays its claimed timers by
     * seconds. A second attempt on a row is harmless (the firing's id is fixed and the journal takes it once).
     */
    static final Duration LEASE = Duration.ofSeconds(5);
    static final int BATCH = 50;

    private final TimerRepository timers;
    private final Plans plans;
    private final Journal journal;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final boolean scheduled;
    /** How late each level fired after its due time, on this node. */
    private final Timer lateness;
    private final Counter firedCount;
    /** Rows this node holds a claim on right now (its share of the timers' leases). */
    private final AtomicInteger claimed = new AtomicInteger();

    public EscalationSweep(TimerRepository timers, Plans plans, Journal journal, TransactionOperations<Connection> tx,
                           Clock clock, @Value("${stormdesk.escalation.sweep:true}") boolean scheduled, MeterRegistry metrics) {
        this.timers = timers;
        this.plans = plans;
        this.journal = journal;
        this.tx = tx;
        this.clock = clock;
        this.scheduled = scheduled;
        this.lateness = Timer.builder("stormdesk.timer.lateness")
                .description("How late a timer level fired after its due time (this node)")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(metrics);
        this.firedCount = Counter.builder("stormdesk.timers.fired").description("Timer levels this node fired").register(metrics);
        metrics.gauge("stormdesk.sweep.claimed", io.micrometer.core.instrument.Tags.of("sweep", "timers"), claimed);
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void everySecond() {
        if (!scheduled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The escalation sweep failed; it runs again in a second", e);
        }
    }

    /** Fires every level that is due and logs every cancellation not yet logged; answers how many levels fired. */
    public int run() {
        int fired = 0;
        List<TimerRow> due;
        do {
            Instant now = clock.instant();
            due = claim(now, true);
            claimed.set(due.size());
            try {
                fired += recordFirings(due);
            } finally {
                claimed.set(0);
            }
        } while (due.size() == BATCH);
        List<TimerRow> cancelled;
        do {
            cancelled = claim(clock.instant(), false);
            record(cancelled, this::cancellation);
        } while (cancelled.size() == BATCH);
        return fired;
    }

    private List<TimerRow> claim(Instant now, boolean due) {
        return tx.executeWrite(status -> {
            List<TimerRow> rows = due ? timers.claimableDue(now, BATCH) : timers.claimableCancelled(now, BATCH);
            for (TimerRow row : rows) {
                timers.claim(row.id(), now.plus(LEASE));
            }
            return rows;
        });
    }

    private int recordFirings(List<TimerRow> rows) {
        List<Entry> entries = new ArrayList<>();
        List<TimerRow> firing = new ArrayList<>();
        for (TimerRow row : rows) {
            firing(row).ifPresent(e -> {
                entries.add(e);
                firing.add(row);
            });
        }
        if (entries.isEmpty()) {
            return 0;
        }
        List<PushResult> results = journal.recordAsServer(entries);
        int stored = 0;
        for (int i = 0; i < results.size(); i++) {
            if (PushResult.STORED.equals(results.get(i).status())) {
                stored++;
                Duration late = Duration.between(firing.get(i).dueAt(), entries.get(i).recordedAt());
                lateness.record(Math.max(0, late.toNanos()), TimeUnit.NANOSECONDS);
            }
        }
        firedCount.increment(stored);
        return stored;
    }

    private int record(List<TimerRow> rows, java.util.function.Function<TimerRow, Optional<Entry>> entryOf) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Entry> entries = new ArrayList<>();
        for (TimerRow row : rows) {
            entryOf.apply(row).ifPresent(entries::add);
        }
        int stored = 0;
        for (PushResult result : journal.recordAsServer(entries)) {
            if (PushResult.STORED.equals(result.status())) {
                stored++;
            }
        }
        return stored;
    }

    private Optional<Entry> firing(TimerRow row) {
        Optional<PlanRow> plan = plans.plan(row.incidentId());
        Optional<Playbook.Level> level = plan.flatMap(plans::playbook).flatMap(p -> p.timer(row.timerId()))
                .flatMap(t -> t.level(row.level()));
        if (level.isEmpty()) {
            LOG.warn("Timer {} level {} of incident {} is not in its playbook; not fired", row.timerId(), row.level(), row.incidentId());
            return Optional.empty();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("timer", row.timerId());
        payload.put("level", row.level());
        payload.put("clause", row.clause());
        payload.put("audience", row.audienceList());
        if (row.ackWithin() != null) {
            payload.put("ackWithin", row.ackWithin());
        }
        payload.put("due", row.dueAt().toString());
        payload.put("message", level.get().message());
        return Optional.of(Entry.of(Plans.firingId(row.id()), EscalationKinds.ESCALATION_FIRED, row.incidentId(),
                clock.instant(), payload));
    }

    private Optional<Entry> cancellation(TimerRow row) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("timer", row.timerId());
        payload.put("level", row.level());
        payload.put("clause", row.clause());
        payload.put("because", row.cancelReason() == null ? "resolved" : row.cancelReason());
        return Optional.of(Entry.of(Plans.cancellationId(row.id()), EscalationKinds.ESCALATION_CANCELLED,
                row.incidentId(), clock.instant(), payload));
    }
}
