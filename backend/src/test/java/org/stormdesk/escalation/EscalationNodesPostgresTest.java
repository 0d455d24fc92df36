package org.stormdesk.escalation;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.app.Messages;
import org.stormdesk.escalation.internal.EscalationSweep;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PullPage;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.support.MutableClock;
import org.stormdesk.support.Postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timers are rows in PostgreSQL: a timer that fell due while the server was down fires once when it is back,
 * and two nodes sweeping the same database at the same moment fire each timer exactly once.
 */
class EscalationNodesPostgresTest {

    static final Actor AGENT = new Actor("agent1", Set.of("agent"));
    static final Actor ADMIN = new Actor("admin", Set.of("admin"));

    private final List<ApplicationContext> nodes = new ArrayList<>();
    private String database;

    ApplicationContext node(Map<String, String> props) {
        ApplicationContext context = ApplicationContext.builder().environments("test", "demo").properties(Map.copyOf(props)).start();
        nodes.add(context);
        return context;
    }

    Map<String, String> freshDatabase() {
        Map<String, String> props = Postgres.freshDatabase();
        database = props.get("stormdesk.test.database");
        return props;
    }

    @AfterEach
    void stop() {
        nodes.forEach(ApplicationContext::close);
        Postgres.drop(database);
    }

    static UUID report(ApplicationContext node, String kind, String seat) {
        return node.getBean(IncidentDesk.class).report(AGENT, UUID.randomUUID(), kind, seat, null, Messages.EN)
                .report().incidentId();
    }

    static List<StoredEntry> firings(ApplicationContext node) {
        List<StoredEntry> out = new ArrayList<>();
        long after = 0;
        PullPage page;
        do {
            page = node.getBean(Journal.class).pull(after, Journal.MAX_PULL, ADMIN);
            page.entries().stream().filter(e -> e.kind().equals(EscalationKinds.ESCALATION_FIRED)).forEach(out::add);
            after = page.next();
        } while (page.hasMore());
        return out;
    }

    static String key(StoredEntry e) {
        return e.incident() + "/" + e.text("timer") + "/" + e.payload().get("level");
    }

    @Test
    void aTimerThatFellDueWhileTheServerWasDownFiresOnceWhenItIsBack() {
        Map<String, String> props = freshDatabase();
        ApplicationContext before = node(props);
        UUID incident = report(before, "system", null);
        before.close();
        nodes.remove(before);

        ApplicationContext after = node(props);
        after.getBean(MutableClock.class).advance(Duration.ofHours(2));
        EscalationSweep sweep = after.getBean(EscalationSweep.class);
        assertThat(sweep.run()).isEqualTo(1);
        assertThat(sweep.run()).isZero();
        List<StoredEntry> fired = firings(after);
        assertThat(fired).singleElement().satisfies(e -> {
            assertThat(e.incident()).isEqualTo(incident);
            assertThat(e.payload()).containsEntry("timer", "escalate-leadership").containsEntry("level", 1);
        });
    }

    @Test
    void twoNodesSweepingTogetherFireEachTimerExactlyOnce() throws Exception {
        Map<String, String> props = freshDatabase();
        ApplicationContext a = node(props);
        ApplicationContext b = node(props);
        for (String zone : new String[]{"A", "B"}) {
            for (int i = 1; i <= 12; i++) {
                report(i % 2 == 0 ? a : b, "equipment", String.format("%s-%02d", zone, i));
            }
        }
        for (String kind : List.of("system", "power", "fire", "media")) {
            report(a, kind, null);
        }
        int first = sweepTogether(a, b);
        assertThat(first).as("24 equipment, fire and media first levels").isEqualTo(26);

        a.getBean(MutableClock.class).advance(Duration.ofMinutes(31));
        b.getBean(MutableClock.class).advance(Duration.ofMinutes(31));
        int second = sweepTogether(a, b);
        assertThat(second).as("24 equipment, fire and media second levels, and power's first").isEqualTo(27);

        List<StoredEntry> fired = firings(a);
        assertThat(fired).hasSize(first + second);
        Map<String, Long> perLevel = fired.stream().collect(Collectors.groupingBy(EscalationNodesPostgresTest::key, Collectors.counting()));
        assertThat(perLevel.values()).allMatch(n -> n == 1);

        // the rows are a projection of the journal: rebuilt from it, they are the same
        Escalations escalations = a.getBean(Escalations.class);
        Function<UUID, Checklist> page = id -> escalations.checklist(id, Messages.EN);
        List<UUID> incidents = fired.stream().map(StoredEntry::incident).distinct().toList();
        List<Checklist> before = incidents.stream().map(page).toList();
        a.getBean(Journal.class).rebuildProjections();
        assertThat(incidents.stream().map(page).toList()).isEqualTo(before);
    }

    /** Both nodes sweep at the same moment, a few times over; answers how many firings were stored in all. */
    static int sweepTogether(ApplicationContext a, ApplicationContext b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (ApplicationContext node : List.of(a, b)) {
            EscalationSweep sweep = node.getBean(EscalationSweep.class);
            results.add(pool.submit(() -> {
                go.await();
                int n = 0;
                for (int i = 0; i < 5; i++) {
                    n += sweep.run();
                }
                return n;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get();
        }
        pool.shutdown();
        return total;
    }
}
