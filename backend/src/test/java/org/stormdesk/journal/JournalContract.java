package org.stormdesk.journal;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stormdesk.app.Messages;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.support.TestFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every journal store must do, whichever database keeps it. Each store's test extends this and
 * says how to tamper with a stored entry behind the journal's back.
 */
public abstract class JournalContract {

    protected static final Actor ADMIN = new Actor("admin", Set.of("admin"));
    protected static final Actor AGENT = new Actor("agent1", Set.of("agent"));
    protected static final Actor MANAGER = new Actor("manager", Set.of("manager"));

    @Inject
    protected Journal journal;
    @Inject
    protected IncidentDesk desk;
    @Inject
    protected TestFacts facts;

    /** Changes a stored entry's payload directly in the store, as an attacker with database access could. */
    protected abstract void tamperWithPayload(long seq, String json);

    static Entry fact(int n) {
        return Entry.of(UUID.randomUUID(), TestFacts.KIND, null, Instant.now(), Map.of("n", n));
    }

    static Entry report(String kind, String seat, Instant recordedAt) {
        Map<String, Object> payload = seat == null ? Map.of("kind", kind) : Map.of("kind", kind, "seat", seat);
        return Entry.of(UUID.randomUUID(), "report.filed", null, recordedAt, payload);
    }

    @Test
    void aResentEntryIsADuplicateAndIsNeverStoredTwice() {
        long before = journal.head();
        List<Entry> batch = List.of(fact(1), fact(2));
        List<PushResult> first = journal.push("device-a", AGENT, batch, Messages.EN);
        List<PushResult> again = journal.push("device-a", AGENT, batch, Messages.EN);

        assertThat(first).extracting(PushResult::status).containsExactly("stored", "stored");
        assertThat(again).extracting(PushResult::status).containsExactly("duplicate", "duplicate");
        assertThat(again).extracting(PushResult::seq).isEqualTo(first.stream().map(PushResult::seq).toList());
        assertThat(journal.head()).isEqualTo(before + 2);
    }

    @Test
    void aBadEntryIsRefusedAloneWithAReasonAndTheRestOfTheBatchIsStored() {
        Entry bad = Entry.of(UUID.randomUUID(), TestFacts.KIND, null, Instant.now(), Map.of("bad", true));
        Entry noKind = new Entry(UUID.randomUUID(), null, null, Instant.now(), Map.of(), null);
        Entry unknown = Entry.of(UUID.randomUUID(), "no.such.kind", null, Instant.now(), Map.of());
        List<PushResult> results = journal.push("device-a", AGENT, List.of(fact(1), bad, noKind, unknown, fact(2)), Messages.EN);

        assertThat(results).extracting(PushResult::status)
                .containsExactly("stored", "refused", "refused", "refused", "stored");
        assertThat(results.get(2).reason()).isEqualTo("The entry does not say what happened (kind).");
        assertThat(results.get(3).reason()).contains("no.such.kind");
        assertThat(results.get(4).seq()).isEqualTo(results.get(0).seq() + 1);
        assertThat(journal.find(bad.id())).isEmpty();
    }

    @Test
    void refusalsAreLocalizedInTheDevicesLanguage() {
        Entry noKind = new Entry(UUID.randomUUID(), null, null, Instant.now(), Map.of(), null);
        assertThat(journal.push("d", AGENT, List.of(noKind), Messages.ZH_CN).getFirst().reason()).isEqualTo("记录没有说明发生了什么（类型）。");
        assertThat(journal.push("d", AGENT, List.of(noKind), Messages.ZH_TW).getFirst().reason()).isEqualTo("記錄沒有說明發生了什麼（類型）。");
    }

    @Test
    void anEntryClaimingAnotherActorIsRefused() {
        Entry forged = new Entry(UUID.randomUUID(), TestFacts.KIND, null, Instant.now(), Map.of(), "manager");
        assertThat(journal.push("d", AGENT, List.of(forged), Messages.EN).getFirst().status()).isEqualTo("refused");
    }

    @Test
    void sequenceNumbersAreGapFreeUnderConcurrentPushesAndAPullerNeverSkipsOne() throws Exception {
        long start = journal.head();
        int writers = 12;
        int pushesEach = 25;
        int perPush = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        List<Long> seen = new ArrayList<>();
        Future<?> puller = pool.submit(() -> {
            long cursor = start;
            go.await();
            while (true) {
                boolean last = !writing.get();
                PullPage page = journal.pull(cursor, 50, ADMIN);
                page.entries().forEach(e -> seen.add(e.seq()));
                cursor = page.next();
                if (last && !page.hasMore()) {
                    return null;
                }
            }
        });
        List<Future<?>> pushes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            pushes.add(pool.submit(() -> {
                go.await();
                for (int p = 0; p < pushesEach; p++) {
                    List<Entry> batch = new ArrayList<>();
                    for (int i = 0; i < perPush; i++) {
                        batch.add(fact(i));
                    }
                    for (PushResult r : journal.push("device-" + Thread.currentThread().threadId(), AGENT, batch, Messages.EN)) {
                        assertThat(r.status()).isEqualTo("stored");
                        acknowledged.add(r.id());
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : pushes) {
            f.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        puller.get(2, TimeUnit.MINUTES);
        pool.shutdown();

        int total = writers * pushesEach * perPush;
        assertThat(acknowledged).hasSize(total);
        assertThat(journal.head()).isEqualTo(start + total);
        List<Long> expected = new ArrayList<>();
        for (long s = start + 1; s <= start + total; s++) {
            expected.add(s);
        }
        assertThat(seen).as("the puller saw every sequence number once, in order").isEqualTo(expected);
        Set<UUID> pulled = new HashSet<>();
        PullPage page;
        long cursor = start;
        do {
            page = journal.pull(cursor, 1000, ADMIN);
            page.entries().forEach(e -> pulled.add(e.id()));
            cursor = page.next();
        } while (page.hasMore());
        assertThat(pulled).isEqualTo(acknowledged);
    }

    @Test
    void aPullAnswersWhatCameAfterTheCursorPageByPage() {
        long start = journal.head();
        journal.push("d", AGENT, List.of(fact(1), fact(2), fact(3)), Messages.EN);
        PullPage first = journal.pull(start, 2, ADMIN);
        assertThat(first.entries()).extracting(StoredEntry::seq).containsExactly(start + 1, start + 2);
        assertThat(first.hasMore()).isTrue();
        PullPage second = journal.pull(first.next(), 2, ADMIN);
        assertThat(second.entries()).extracting(StoredEntry::seq).containsExactly(start + 3);
        assertThat(second.hasMore()).isFalse();
        assertThat(journal.pull(second.next(), 2, ADMIN).entries()).isEmpty();
    }

    @Test
    void agentsPullTheirOwnEntriesAndIncidentsButTheCursorMovesPastOthers() {
        long start = journal.head();
        Actor other = new Actor("agent2", Set.of("agent"));
        journal.push("d", other, List.of(fact(1)), Messages.EN);
        journal.push("d", AGENT, List.of(fact(2), report("power", null, Instant.now())), Messages.EN);
        PullPage page = journal.pull(start, 100, AGENT);
        assertThat(page.entries()).extracting(StoredEntry::actor).doesNotContain("agent2");
        assertThat(page.entries()).extracting(StoredEntry::kind).contains("incident.opened", "report.filed", TestFacts.KIND);
        assertThat(page.next()).isEqualTo(journal.head());
    }

    @Test
    void anIncidentsLogIsAnIntactHashChainAndATamperedEntryBreaksIt() {
        Entry first = report("system", null, Instant.now());
        journal.push("d", AGENT, List.of(first), Messages.EN);
        UUID incident = journal.find(first.id()).orElseThrow().incident();
        journal.push("d", MANAGER, List.of(Entry.of(UUID.randomUUID(), "note.added", incident, Instant.now(), Map.of("text", "vendor called"))), Messages.EN);
        journal.push("d", MANAGER, List.of(Entry.of(UUID.randomUUID(), "incident.resolved", incident, Instant.now(), Map.of())), Messages.EN);

        ChainCheck intact = journal.verify(incident);
        assertThat(intact.valid()).isTrue();
        assertThat(intact.entries()).isEqualTo(4);

        List<StoredEntry> log = journal.incidentLog(incident);
        long noteSeq = log.get(2).seq();
        tamperWithPayload(noteSeq, "{\"text\":\"nobody called\"}");
        ChainCheck broken = journal.verify(incident);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(noteSeq);
    }

    @Test
    void projectionsRebuiltFromTheJournalEqualTheLiveOnes() {
        journal.push("d", AGENT, List.of(report("aircon", null, Instant.now()), report("equipment", "A-01", Instant.now()),
                report("equipment", "A-02", Instant.now())), Messages.EN);
        UUID someIncident = desk.list("open").getFirst().id();
        journal.push("d", MANAGER, List.of(Entry.of(UUID.randomUUID(), "incident.acknowledged", someIncident, Instant.now(), Map.of())), Messages.EN);
        List<Incident> live = desk.list("all");
        int factsBefore = facts.applied.size();

        journal.rebuildProjections();

        assertThat(desk.list("all")).isEqualTo(live);
        assertThat(facts.applied).hasSize(factsBefore);
    }
}
