package org.stormdesk.journal.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.JournalListener;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.PushResult;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one place where sequence numbers are handed out. A single thread takes the pushes waiting in its
 * queue and stores them in one transaction that holds the journal's write lock (group commit): sequence
 * numbers are assigned inside that transaction, so they commit in order and a reader reading past a cursor
 * never misses an entry that commits late. Several nodes serialize on the store's lock the same way.
 */
@Singleton
public class Sequencer {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    static final int MAX_PAYLOAD_CHARS = 16_000;
    static final int MAX_DEVICE_CHARS = 128;

    private final JournalStore store;
    private final BeanProvider<EntryHandler> handlerBeans;
    private final BeanProvider<JournalProjection> projectionBeans;
    private final BeanProvider<JournalListener> listenerBeans;
    private volatile List<EntryHandler> handlers;
    private volatile List<JournalProjection> projections;
    private volatile List<JournalListener> listeners;
    private final Messages messages;
    private final Payloads payloads;
    private final Clock clock;
    private final int maxGroup;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter refusals;
    private final Timer commits;
    private final BlockingQueue<Push> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * The capabilities' handlers, projections and listeners are looked up on first use, not injected, so that
     * they may themselves use the journal.
     */
    public Sequencer(JournalStore store, BeanProvider<EntryHandler> handlers, BeanProvider<JournalProjection> projections,
                     BeanProvider<JournalListener> listeners,
                     Messages messages, Payloads payloads, Clock clock, MeterRegistry metrics,
                     @Value("${stormdesk.journal.group-commit:1000}") int maxGroup) {
        this.store = store;
        this.handlerBeans = handlers;
        this.projectionBeans = projections;
        this.listenerBeans = listeners;
        this.messages = messages;
        this.payloads = payloads;
        this.clock = clock;
        this.maxGroup = maxGroup;
        this.stored = metrics.counter("stormdesk.journal.entries", "status", PushResult.STORED);
        this.duplicates = metrics.counter("stormdesk.journal.entries", "status", PushResult.DUPLICATE);
        this.refusals = metrics.counter("stormdesk.journal.entries", "status", PushResult.REFUSED);
        this.commits = metrics.timer("stormdesk.journal.commit");
        metrics.gauge("stormdesk.journal.queue", queue, BlockingQueue::size);
        this.writer = Thread.ofPlatform().name("journal-sequencer").daemon().start(this::run);
    }

    /** Queues a push; the future completes once its entries are committed (or refused). */
    public CompletableFuture<List<PushResult>> submit(String device, Actor actor, List<Entry> entries, Locale locale) {
        Push push = new Push(device, actor, List.copyOf(entries), locale, new CompletableFuture<>());
        if (!running) {
            push.done().completeExceptionally(new IllegalStateException("The journal is shutting down"));
            return push.done();
        }
        queue.add(push);
        return push.done();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        while (running) {
            List<Push> group = new ArrayList<>();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            int size = group.getFirst().entries().size();
            Push next;
            while (size < maxGroup && (next = queue.poll()) != null) {
                group.add(next);
                size += next.entries().size();
            }
            commitGroup(group);
        }
        Push left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The journal is shutting down"));
        }
    }

    private void commitGroup(List<Push> group) {
        try {
            long start = System.nanoTime();
            Outcome outcome = store.write(writer -> sequence(writer, group));
            commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            count(outcome);
            finish(group, outcome);
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                LOG.error("Could not store a push of {} entries", group.getFirst().entries().size(), groupFailed);
                group.getFirst().done().completeExceptionally(groupFailed);
                return;
            }
            // One push spoiled the group: store each alone so the others still land.
            for (Push push : group) {
                commitGroup(List.of(push));
            }
        }
    }

    private void count(Outcome outcome) {
        for (List<PushResult> results : outcome.results()) {
            for (PushResult r : results) {
                (switch (r.status()) {
                    case PushResult.STORED -> stored;
                    case PushResult.DUPLICATE -> duplicates;
                    default -> refusals;
                }).increment();
            }
        }
    }

    private void finish(List<Push> group, Outcome outcome) {
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(outcome.results().get(i));
        }
        if (!outcome.stored().isEmpty()) {
            for (JournalListener listener : listeners()) {
                try {
                    listener.stored(outcome.stored());
                } catch (RuntimeException e) {
                    LOG.warn("A journal listener failed", e);
                }
            }
        }
    }

    private Outcome sequence(JournalStore.Writer writer, List<Push> group) {
        Batch batch = new Batch(writer, writer.lockHead(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        List<StoredEntry> recovered = writer.unprojected();
        for (StoredEntry e : recovered) {
            project(e);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        group.forEach(p -> p.entries().forEach(e -> {
            if (e.id() != null) {
                ids.add(e.id());
            }
        }));
        batch.known.putAll(writer.existing(ids));
        List<List<PushResult>> results = new ArrayList<>(group.size());
        for (Push push : group) {
            List<PushResult> answers = new ArrayList<>(push.entries().size());
            for (Entry entry : push.entries()) {
                answers.add(take(batch, push, entry));
            }
            results.add(answers);
        }
        writer.append(batch.stored);
        List<StoredEntry> announced = new ArrayList<>(recovered);
        announced.addAll(batch.stored);
        return new Outcome(results, announced);
    }

    private PushResult take(Batch batch, Push push, Entry entry) {
        if (entry.id() == null) {
            return refuse(push, null, "journal.refused.noId");
        }
        Long known = batch.known.get(entry.id());
        if (known != null) {
            return PushResult.duplicate(entry.id(), known);
        }
        if (entry.kind() == null || entry.kind().isBlank()) {
            return refuse(push, entry.id(), "journal.refused.noKind");
        }
        if (entry.recordedAt() == null) {
            return refuse(push, entry.id(), "journal.refused.noRecordedAt");
        }
        if (push.device() == null || push.device().isBlank() || push.device().length() > MAX_DEVICE_CHARS) {
            return refuse(push, entry.id(), "journal.refused.device");
        }
        if (entry.actor() != null && !entry.actor().equals(push.actor().username())) {
            return refuse(push, entry.id(), "journal.refused.actor");
        }
        EntryHandler handler = handlerOf(entry.kind());
        if (handler == null) {
            return refuse(push, entry.id(), "journal.refused.unknownKind", entry.kind());
        }
        String payloadJson = payloads.write(entry.payload());
        if (payloadJson.length() > MAX_PAYLOAD_CHARS) {
            return refuse(push, entry.id(), "journal.refused.tooLarge");
        }
        Verdict verdict = handler.judge(entry, push.actor());
        if (verdict instanceof Verdict.Refused refused) {
            return refuse(push, entry.id(), refused.reasonKey(), refused.args());
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        for (Entry first : accepted.serverEntriesFirst()) {
            if (!batch.known.containsKey(first.id())) {
                store(batch, first, Actor.SYSTEM.username(), "server", accepted.incident(), payloads.write(first.payload()));
            }
        }
        long seq = store(batch, entry, push.actor().username(), push.device(), accepted.incident(), payloadJson);
        return PushResult.stored(entry.id(), seq, accepted.incident());
    }

    private long store(Batch batch, Entry entry, String actor, String device, UUID incident, String payloadJson) {
        long seq = ++batch.head;
        String stream = incident == null ? JournalStore.JOURNAL_STREAM : incident.toString();
        String prev = batch.lastHash.computeIfAbsent(stream, s -> batch.writer.lastHash(s).orElse(HashChain.GENESIS));
        Instant recordedAt = entry.recordedAt().truncatedTo(ChronoUnit.MILLIS);
        String hash = HashChain.hash(prev, seq, entry.id(), entry.kind(), incident, actor, device,
                recordedAt.toString(), batch.receivedAt.toString(), payloadJson);
        StoredEntry stored = new StoredEntry(seq, entry.id(), entry.kind(), incident, actor, device, recordedAt,
                batch.receivedAt, payloads.read(payloadJson), prev, hash);
        batch.lastHash.put(stream, hash);
        batch.known.put(entry.id(), seq);
        batch.stored.add(stored);
        project(stored);
        return seq;
    }

    /** The owner's projection first, then every other capability's. */
    private void project(StoredEntry entry) {
        Objects.requireNonNull(handlerOf(entry.kind()), entry.kind()).apply(entry);
        for (JournalProjection projection : projections()) {
            projection.apply(entry);
        }
    }

    private PushResult refuse(Push push, UUID id, String key, Object... args) {
        return PushResult.refused(id, messages.get(push.locale(), key, args));
    }

    public List<EntryHandler> handlers() {
        List<EntryHandler> h = handlers;
        if (h == null) {
            h = handlerBeans.stream().toList();
            handlers = h;
        }
        return h;
    }

    public List<JournalProjection> projections() {
        List<JournalProjection> p = projections;
        if (p == null) {
            p = projectionBeans.stream().toList();
            projections = p;
        }
        return p;
    }

    private List<JournalListener> listeners() {
        List<JournalListener> l = listeners;
        if (l == null) {
            l = listenerBeans.stream().toList();
            listeners = l;
        }
        return l;
    }

    EntryHandler handlerOf(String kind) {
        for (EntryHandler handler : handlers()) {
            if (handler.handles(kind)) {
                return handler;
            }
        }
        return null;
    }

    private record Push(String device, Actor actor, List<Entry> entries, Locale locale,
                        CompletableFuture<List<PushResult>> done) {
    }

    private record Outcome(List<List<PushResult>> results, List<StoredEntry> stored) {
    }

    private static final class Batch {
        final JournalStore.Writer writer;
        final Instant receivedAt;
        final Map<UUID, Long> known = new HashMap<>();
        final Map<String, String> lastHash = new HashMap<>();
        final List<StoredEntry> stored = new ArrayList<>();
        long head;

        Batch(JournalStore.Writer writer, long head, Instant receivedAt) {
            this.writer = writer;
            this.head = head;
            this.receivedAt = receivedAt;
        }
    }
}
