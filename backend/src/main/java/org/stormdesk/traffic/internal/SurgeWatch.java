package org.stormdesk.traffic.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.Settings;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.incident.IncidentKind;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.traffic.Queue;
import org.stormdesk.traffic.Sample;
import org.stormdesk.traffic.Surge;
import org.stormdesk.traffic.SurgeDetector;
import org.stormdesk.traffic.db.TrafficStore;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs each queue's {@link SurgeDetector} over its samples in time order, live and in replays alike, keeps the
 * detector's memory and the surges it finds, and, for a surge happening now, opens a surge incident (or proposes one,
 * as the administrator set) through the journal: a {@code report.filed} by the server with the evidence in its note.
 */
@Singleton
public class SurgeWatch {

    /** A surge detected on a sample older than this is history: recorded, but it opens no incident. */
    static final Duration LIVE = Duration.ofHours(1);
    private static final double AHT_ALPHA = 0.2;

    private final TrafficStore store;
    private final Journal journal;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    public SurgeWatch(TrafficStore store, Journal journal, Messages messages, Clock clock, Settings settings) {
        this.store = store;
        this.journal = journal;
        this.messages = messages;
        this.clock = clock;
        this.zone = ZoneId.of(settings.timeZone());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The id of the surge whose evidence began at {@code startedAt} on a queue: the same in a replay. */
    public static UUID surgeId(String queue, Instant startedAt) {
        return UUID.nameUUIDFromBytes(("traffic.surge:" + queue + ":" + startedAt).getBytes(StandardCharsets.UTF_8));
    }

    /** A queue's detector with its memory, as the store keeps it. */
    public record Watched(SurgeDetector detector, @Nullable UUID openSurge, double aht) {
    }

    public Watched load(Connection c, Queue queue) {
        int slots = SurgeDetector.slotsPerWeek(queue.intervalSeconds());
        return store.detector(c, queue.code(), slots)
                .map(k -> new Watched(SurgeDetector.of(k.memory()), k.openSurge(), k.aht()))
                .orElseGet(() -> new Watched(new SurgeDetector(slots), null, 0));
    }

    /**
     * Judges new samples of one queue (in time order; those not after the last judged interval are skipped) and keeps
     * what the detector learned. Answers the surges that started now, to open or propose after the commit.
     */
    public synchronized List<Surge> judge(Queue queue, List<Sample> samples, boolean replay) {
        return store.write(c -> {
            Watched w = load(c, queue);
            Outcome o = run(c, queue, w, samples, replay);
            store.saveDetector(c, queue.code(), w.detector().memory(), o.openSurge, o.aht, replay ? null : o.slots);
            return o.started;
        });
    }

    /** The start of the last interval judged on a queue, or null when none was. */
    public @Nullable Instant lastJudged(Queue queue) {
        return store.read(c -> load(c, queue)).detector().last();
    }

    /** Forgets a queue's detector and replays all its stored samples through a fresh one, as if they came live. */
    public synchronized int replay(Queue queue) {
        int[] count = {0};
        store.write(c -> {
            store.forget(c, queue.code());
            return null;
        });
        SurgeDetector detector = new SurgeDetector(SurgeDetector.slotsPerWeek(queue.intervalSeconds()));
        Watched w = new Watched(detector, null, 0);
        Outcome[] last = {new Outcome(null, 0, new HashSet<>(), List.of())};
        java.util.ArrayList<Sample> page = new java.util.ArrayList<>();
        store.samples(queue.code(), null, null, s -> {
            page.add(s);
            count[0]++;
            if (page.size() == 5000) {
                Watched current = new Watched(detector, last[0].openSurge, last[0].aht);
                last[0] = store.write(c -> run(c, queue, current, List.copyOf(page), true));
                page.clear();
            }
        });
        Watched current = new Watched(detector, last[0].openSurge, last[0].aht);
        store.write(c -> {
            Outcome o = run(c, queue, current, List.copyOf(page), true);
            store.saveDetector(c, queue.code(), detector.memory(), o.openSurge, o.aht, null);
            return null;
        });
        return count[0];
    }

    private record Outcome(@Nullable UUID openSurge, double aht, Set<Integer> slots, List<Surge> started) {
    }

    private Outcome run(Connection c, Queue queue, Watched w, List<Sample> samples, boolean replay) {
        SurgeDetector d = w.detector();
        UUID open = w.openSurge();
        double aht = w.aht();
        Set<Integer> slots = new HashSet<>();
        List<Surge> started = new java.util.ArrayList<>();
        Instant now = clock.instant();
        for (Sample s : samples) {
            if (d.last() != null && !s.intervalStart().isAfter(d.last())) {
                continue;
            }
            if (s.offered() > 0 && s.aht() > 0) {
                aht = aht == 0 ? s.aht() : aht + AHT_ALPHA * (s.aht() - aht);
            }
            int slot = SurgeDetector.slot(s.intervalStart(), zone, queue.intervalSeconds());
            slots.add(slot);
            SurgeDetector.Step step = d.observe(s.intervalStart(), slot, s.offered());
            switch (step.kind()) {
                case STARTED -> {
                    boolean live = !replay && !s.intervalEnd().isBefore(now.minus(LIVE));
                    Surge surge = view(queue.code(), step.surge(), "open", live ? "proposed" : "replayed", null);
                    store.saveSurge(c, surge);
                    open = surge.id();
                    if (live) {
                        started.add(surge);
                    }
                }
                case ONGOING, ENDED -> {
                    if (open != null) {
                        UUID id = open;
                        Surge before = store.surge(c, id).orElse(null);
                        String action = before == null ? "replayed" : before.action();
                        UUID incident = before == null ? null : before.incidentId();
                        boolean live = !replay && !s.intervalEnd().isBefore(now.minus(LIVE));
                        // a surge found in late samples that is still on when live ones come is a live one
                        boolean promoted = live && "replayed".equals(action) && step.kind() == SurgeDetector.Kind.ONGOING;
                        Surge saved = withId(id, view(queue.code(), step.surge(),
                                step.kind() == SurgeDetector.Kind.ENDED ? "ended" : "open", promoted ? "proposed" : action, incident));
                        store.saveSurge(c, saved);
                        if (promoted) {
                            started.add(saved);
                        }
                        if (step.kind() == SurgeDetector.Kind.ENDED) {
                            open = null;
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Outcome(open, aht, slots, started);
    }

    private static Surge view(String queue, SurgeDetector.Surge s, String state, String action, @Nullable UUID incident) {
        return new Surge(surgeId(queue, s.startedAt()), queue, s.startedAt(), s.detectedAt(), s.endedAt(), s.peakAt(),
                s.peakOffered(), s.peakExpected(), s.peakZ(), s.score(), state, action, incident);
    }

    private static Surge withId(UUID id, Surge s) {
        return new Surge(id, s.queue(), s.startedAt(), s.detectedAt(), s.endedAt(), s.peakAt(), s.peakOffered(),
                s.peakExpected(), s.peakZ(), s.score(), s.state(), s.action(), s.incidentId());
    }

    /**
     * Opens (or joins) the surge incident for a surge, through the journal: the server files a surge report whose note
     * carries the evidence in the center's default language; the surge remembers the incident.
     */
    public synchronized Surge openIncident(Surge surge, Queue queue) {
        if (surge.incidentId() != null) {
            return surge;
        }
        Locale locale = Messages.ZH_CN;
        String note = messages.get(locale, "traffic.surge.evidence", queue.name(), surge.peakOffered(),
                String.format(Locale.ROOT, "%.1f", surge.peakExpected()), String.format(Locale.ROOT, "%.1f", surge.peakZ()),
                String.format(Locale.ROOT, "%.1f", surge.score()), surge.startedAt().atZone(zone).toLocalTime().toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", IncidentKind.SURGE.wire());
        payload.put("note", note);
        UUID reportId = UUID.nameUUIDFromBytes(("traffic.surge.report:" + surge.id()).getBytes(StandardCharsets.UTF_8));
        PushResult result = journal.recordAsServer(List.of(Entry.of(reportId, EntryKinds.REPORT_FILED, null, clock.instant(),
                payload))).getFirst();
        UUID incident = result.incident() != null ? result.incident() : journal.find(reportId).map(e -> e.incident()).orElse(null);
        Surge opened = new Surge(surge.id(), surge.queue(), surge.startedAt(), surge.detectedAt(), surge.endedAt(), surge.peakAt(),
                surge.peakOffered(), surge.peakExpected(), surge.peakZ(), surge.score(), surge.state(), "opened", incident);
        store.write(c -> {
            store.surge(c, surge.id()).ifPresent(now -> store.saveSurge(c, new Surge(now.id(), now.queue(), now.startedAt(),
                    now.detectedAt(), now.endedAt(), now.peakAt(), now.peakOffered(), now.peakExpected(), now.peakZ(),
                    now.score(), now.state(), "opened", incident)));
            return null;
        });
        return opened;
    }
}
