import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stormdesk escalation timer benchmark: many timers falling due together on two nodes sharing one PostgreSQL
 * database, each firing recorded once, and how late.
 *
 * <ol>
 *   <li>Setup: one seat per timer ({@code site_seat}), and a playbook for equipment faults whose only timer
 *       fires {@code lead + window} seconds after the incident's start and asks for no acknowledgement
 *       (one firing per timer).</li>
 *   <li>Scheduling: one equipment report per seat, pushed through {@code POST /api/sync/push} in batches spread
 *       over both nodes. Each report's {@code recordedAt} (the incident's start) is set so that the timers fall
 *       due evenly over {@code window} seconds, starting {@code lead} seconds after the first push.</li>
 *   <li>Firing: the nodes' sweeps fire them. With {@code --kill}, the second node is killed (SIGKILL) halfway
 *       through the window; the first must fire the rest, including the rows the dead node had claimed.</li>
 *   <li>Read-back: every {@code escalation.fired} entry through {@code GET /api/sync/pull}, and the timer rows
 *       by state over JDBC. Lateness is the entry's {@code receivedAt} minus the {@code due} in its payload.</li>
 * </ol>
 *
 * Every loop is bounded in count and in time; the program only talks to 127.0.0.1 / localhost.
 * Usage: {@code java -cp <postgresql driver> TimerBenchmark.java --node-urls http://127.0.0.1:P1,http://127.0.0.1:P2
 * --node-pids PID1,PID2 --jdbc-url jdbc:postgresql://127.0.0.1:5432/DB [--timers 10000] [--window 120] [--lead 75] [--kill]}
 */
public class TimerBenchmark {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    static final Duration PULL_TIME_LIMIT = Duration.ofMinutes(3);
    static final int MAX_PULL_PAGES = 10_000;
    static final int PUSH_BATCH = 500;
    static final int PUSH_IN_FLIGHT = 4;
    /** How long past the last due time the run waits for stragglers (the claim lease is 30 s). */
    static final Duration GRACE = Duration.ofSeconds(45);
    static final Duration GRACE_AFTER_KILL = Duration.ofSeconds(75);
    /** A row the survivor claimed itself fires within this long of the kill; later ones waited for the dead node's lease. */
    static final Duration OWN_CLAIM_SLACK = Duration.ofSeconds(5);
    /** How long after halfway the kill waits for node 2 to be caught between a claim and its firings. */
    static final Duration KILL_SEARCH = Duration.ofSeconds(15);
    static final String SEAT_PREFIX = "TMR-";
    static final String TIMER_ID = "bench-escalate";

    // Targets (measured and printed).
    static final double TARGET_P99_MS = 1000;
    static final double TARGET_MAX_MS = 2000;

    final Config cfg;
    final HttpClient http;
    final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    final String adminAuth;
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    TimerBenchmark(Config cfg) {
        this.cfg = cfg;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(virtualThreads)
                .build();
        this.adminAuth = basic(cfg.adminUser, cfg.adminPassword);
    }

    public static void main(String[] args) throws Exception {
        Config cfg = Config.parse(args);
        TimerBenchmark bench = new TimerBenchmark(cfg);
        int code;
        try {
            code = bench.run();
        } finally {
            bench.virtualThreads.shutdownNow();
        }
        System.exit(code);
    }

    // ------------------------------------------------------------------------------------------------
    // The run
    // ------------------------------------------------------------------------------------------------

    int run() throws Exception {
        int n = cfg.timers;
        long afterSeconds = cfg.lead + cfg.window;
        log("Stormdesk timer benchmark (%s): %d timers due over %d s, %d s after the first push, on %d nodes%s",
                cfg.label, n, cfg.window, cfg.lead, cfg.nodes.size(), cfg.kill ? "; node 2 is killed halfway" : "");
        for (String node : cfg.nodes) {
            Response health = send(node, "GET", "/health", null, null, null);
            if (health.status != 200) {
                throw new IllegalStateException(node + "/health answered " + health.status);
            }
        }

        try (Connection db = DriverManager.getConnection(cfg.jdbcUrl, cfg.dbUser, cfg.dbPassword)) {
            db.setAutoCommit(true);
            insertSeats(db, n);
            int version = putPlaybook(afterSeconds);
            long cursor = headCursor();

            Scheduled scheduled = schedule(n, afterSeconds);
            long timerRows = scalar(db, "SELECT count(*) FROM escalation_timer");
            log("scheduling: %d reports stored in %.1f s through %d pushes (%d stored, statuses %s); %d timer rows; playbook version %d",
                    n, scheduled.pushSeconds, scheduled.pushes, scheduled.stored, scheduled.statuses, timerRows, version);
            if (scheduled.stored != n) {
                fail("scheduling: %d of %d reports answered \"stored\" (%s; first problem: %s)", scheduled.stored, n,
                        scheduled.statuses, scheduled.firstProblem);
            }
            if (timerRows != scheduled.incidents.size()) {
                fail("scheduling: %d timer rows for %d incidents opened", timerRows, scheduled.incidents.size());
            }
            if (scheduled.lastStored.isAfter(scheduled.firstDue)) {
                notes.add(("scheduling overlapped the due window by %.1f s: the first firings competed with the pushes"
                        + " (a larger --lead keeps them apart)")
                        .formatted(Duration.between(scheduled.firstDue, scheduled.lastStored).toMillis() / 1000.0));
            }

            Firing firing = watch(db, scheduled, n);
            Pulled pulled = pullFired(cursor, scheduled.incidents);
            Map<String, Long> states = states(db);
            long journalFired = scalar(db, "SELECT count(*) FROM journal_entry WHERE kind = 'escalation.fired'");
            long journalFiredDistinct = scalar(db, "SELECT count(DISTINCT incident) FROM journal_entry WHERE kind = 'escalation.fired'");
            Map<String, Long> deliveries = deliveries(db);
            Takeover takeover = firing.killedAt == null ? null : takeover(db, firing);

            int expected = scheduled.incidents.size();
            int firedOnce = pulled.byKey.size();
            int twice = pulled.count - pulled.byKey.size();
            int keysTwice = 0;
            for (int c : pulled.timesByKey.values()) {
                if (c > 1) {
                    keysTwice++;
                }
            }
            Set<String> missing = new HashSet<>();
            for (UUID incident : scheduled.incidents.keySet()) {
                if (!pulled.byKey.containsKey(incident + "|" + TIMER_ID + "|1")) {
                    missing.add(incident.toString());
                }
            }
            if (twice != 0 || keysTwice != 0) {
                fail("%d escalation.fired entries repeat a timer level (%d levels fired more than once)", twice, keysTwice);
            }
            if (!missing.isEmpty()) {
                fail("%d of %d timers never fired (e.g. incident %s)", missing.size(), expected, missing.iterator().next());
            }
            if (pulled.foreign > 0) {
                notes.add(pulled.foreign + " escalation.fired entries of other incidents");
            }
            if (journalFired != pulled.count + pulled.foreign || journalFiredDistinct != firedOnce + pulled.foreignIncidents) {
                fail("the journal table holds %d escalation.fired rows (%d incidents); the pull found %d (%d levels)",
                        journalFired, journalFiredDistinct, pulled.count + pulled.foreign, firedOnce);
            }
            long pending = states.getOrDefault("pending", 0L);
            long firedRows = states.getOrDefault("fired", 0L);
            if (pending != 0 || firedRows != expected) {
                fail("timer rows: %s, expected %d fired and none pending", states, expected);
            }
            if (pulled.dueMismatch > 0) {
                fail("%d firings name another due time than the one scheduled", pulled.dueMismatch);
            }

            String summary = summary(scheduled, firing, pulled, states, journalFired, deliveries, takeover, firedOnce, twice,
                    missing.size(), afterSeconds);
            if (cfg.summaryFile != null) {
                Files.writeString(cfg.summaryFile, summary, StandardCharsets.UTF_8);
            } else {
                System.out.println();
                System.out.print(summary);
            }
        }
        return failures.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------
    // Setup: seats and the playbook
    // ------------------------------------------------------------------------------------------------

    static String seat(int i) {
        return "%s%05d".formatted(SEAT_PREFIX, i + 1);
    }

    void insertSeats(Connection db, int n) throws SQLException {
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO site_seat (code, floor, zone) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, seat(i));
                ps.setString(2, "9F");
                ps.setString(3, "TMR");
                ps.addBatch();
                if ((i + 1) % 1000 == 0 || i == n - 1) {
                    ps.executeBatch();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        log("setup: %d seats in site_seat in %.2f s", n, secondsSince(t0));
    }

    int putPlaybook(long afterSeconds) throws Exception {
        String yaml = """
                # Benchmark playbook: one timer per equipment incident, no acknowledgement asked (one firing each).
                kind: equipment
                steps:
                  - id: fix-seat
                    clause: S1.3
                    role: maintenance
                    text:
                      zh-CN: "修复座席设备。"
                      en: "Fix the seat's equipment."
                      zh-TW: "修復座席設備。"
                timers:
                  - id: %s
                    clause: S1.3
                    after: PT%dS
                    unless: resolved
                    notify: [role:maintenance]
                    message:
                      zh-CN: "座席设备故障仍未解决。"
                      en: "A seat's equipment fault is still unresolved."
                      zh-TW: "座席設備故障仍未解決。"
                """.formatted(TIMER_ID, afterSeconds);
        Response r = send(cfg.nodes.getFirst(), "PUT", "/api/playbooks/equipment", yaml, "text/yaml; charset=utf-8", adminAuth);
        if (r.status != 200) {
            throw new IllegalStateException("PUT /api/playbooks/equipment answered " + r.status + " " + abbreviate(r.body));
        }
        int version = ((Number) ((Map<?, ?>) BenchJson.parse(r.body)).get("version")).intValue();
        log("setup: playbook equipment version %d: timer %s after PT%dS, notify role:maintenance, no ack-within",
                version, TIMER_ID, afterSeconds);
        // A version counts from its creation time on; keep the first report clear of it.
        Thread.sleep(50);
        return version;
    }

    // ------------------------------------------------------------------------------------------------
    // Scheduling: one report per seat, due times spread evenly over the window
    // ------------------------------------------------------------------------------------------------

    record Scheduled(Map<UUID, Instant> incidents, int stored, Map<String, Integer> statuses, String firstProblem,
                     int pushes, double pushSeconds, Instant firstDue, Instant lastDue, Instant lastStored,
                     String cpu) {
    }

    Scheduled schedule(int n, long afterSeconds) throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant firstDue = t0.plusSeconds(cfg.lead);
        long windowMillis = cfg.window * 1000L;
        Duration after = Duration.ofSeconds(afterSeconds);
        UUID[] ids = new UUID[n];
        Instant[] due = new Instant[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            due[i] = firstDue.plusMillis(n == 1 ? 0 : i * windowMillis / (n - 1));
        }
        Instant lastDue = due[n - 1];
        int batches = (n + PUSH_BATCH - 1) / PUSH_BATCH;
        String[] bodies = new String[batches];
        for (int b = 0; b < batches; b++) {
            StringBuilder s = new StringBuilder(PUSH_BATCH * 160);
            s.append("{\"device\":\"bench-timers-").append(b % cfg.nodes.size() + 1).append("\",\"entries\":[");
            for (int i = b * PUSH_BATCH; i < Math.min(n, (b + 1) * PUSH_BATCH); i++) {
                if (i > b * PUSH_BATCH) {
                    s.append(',');
                }
                // The incident starts when the report was recorded: its timer falls due at recordedAt + after.
                s.append("{\"id\":\"").append(ids[i]).append("\",\"kind\":\"report.filed\",\"recordedAt\":\"")
                        .append(due[i].minus(after)).append("\",\"payload\":{\"kind\":\"equipment\",\"seat\":\"")
                        .append(seat(i)).append("\"}}");
            }
            bodies[b] = s.append("]}").toString();
        }
        log("scheduling: %d reports in %d pushes over %d nodes, %d in flight; timers due %s .. %s", n, batches,
                cfg.nodes.size(), PUSH_IN_FLIGHT, firstDue, lastDue);

        Map<UUID, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(ids[i], i);
        }
        Map<UUID, Instant> incidents = new ConcurrentHashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, String> firstProblem = new ConcurrentHashMap<>();
        AtomicInteger stored = new AtomicInteger();
        Cpu cpu0 = Cpu.now(cfg.pids);
        long start = System.nanoTime();
        runAll(batches, PUSH_IN_FLIGHT, b -> {
            String node = cfg.nodes.get(b % cfg.nodes.size());
            Response r;
            try {
                r = send(node, "POST", "/api/sync/push", bodies[b], "application/json", adminAuth);
            } catch (IOException e) {
                firstProblem.putIfAbsent("first", "push " + b + ": " + e);
                return null;
            }
            if (r.status != 200) {
                firstProblem.putIfAbsent("first", "push " + b + " answered " + r.status + " " + abbreviate(r.body));
                return null;
            }
            for (Object o : (List<?>) ((Map<?, ?>) BenchJson.parse(r.body)).get("results")) {
                Map<?, ?> result = (Map<?, ?>) o;
                String status = String.valueOf(result.get("status"));
                synchronized (statuses) {
                    statuses.merge(status, 1, Integer::sum);
                }
                if ("stored".equals(status) && result.get("incident") instanceof String incident) {
                    stored.incrementAndGet();
                    Integer i = indexOf.get(UUID.fromString(String.valueOf(result.get("id"))));
                    if (i != null) {
                        incidents.put(UUID.fromString(incident), due[i]);
                    }
                } else {
                    firstProblem.putIfAbsent("first", status + " " + result.get("reason"));
                }
            }
            return null;
        });
        double pushSeconds = secondsSince(start);
        String cpu = Cpu.now(cfg.pids).since(cpu0);
        return new Scheduled(incidents, stored.get(), statuses, firstProblem.get("first"), batches, pushSeconds,
                firstDue, lastDue, Instant.now(), cpu);
    }

    // ------------------------------------------------------------------------------------------------
    // Firing: watch the rows, kill a node halfway when asked
    // ------------------------------------------------------------------------------------------------

    /** A row that was claimed and not yet fired when the node was killed, with the claim it had then. */
    record Claimed(UUID id, UUID incident, Instant claimedUntil, Instant due) {
    }

    record Firing(Instant done, double drainSeconds, Instant killedAt, String killMoment, List<Claimed> claimedAtKill, String cpuWindow,
                  boolean finished) {
    }

    Firing watch(Connection db, Scheduled s, int n) throws Exception {
        Instant killAt = s.firstDue.plusMillis(cfg.window * 500L);
        Instant deadline = s.lastDue.plus(cfg.kill ? GRACE_AFTER_KILL : GRACE);
        Instant killedAt = null;
        String killMoment = null;
        List<Claimed> claimedAtKill = List.of();
        Instant nextLog = Instant.now();
        Cpu cpu0 = null;
        String cpuWindow = "n/a";
        int expected = s.incidents.size();
        log("firing: waiting for %d timers until %s at the latest%s", expected, deadline,
                cfg.kill ? "; killing node 2 (pid " + cfg.pids.get(1) + ") at " + killAt : "");
        while (true) {
            Instant now = Instant.now();
            if (cpu0 == null && !now.isBefore(s.firstDue)) {
                cpu0 = Cpu.now(cfg.pids);
            }
            if (cfg.kill && killedAt == null && !now.isBefore(killAt)) {
                String moment = awaitFreshClaim(db, Instant.now().plus(KILL_SEARCH));
                ProcessHandle victim = ProcessHandle.of(cfg.pids.get(1))
                        .orElseThrow(() -> new IllegalStateException("node 2 (pid " + cfg.pids.get(1) + ") is not running"));
                if (!victim.destroyForcibly()) {
                    throw new IllegalStateException("could not kill node 2 (pid " + cfg.pids.get(1) + ")");
                }
                killedAt = Instant.now();
                claimedAtKill = claimedPending(db);
                victim.onExit().get(10, TimeUnit.SECONDS);
                log("firing: killed node 2 (kill -9, pid %d) at %s, %s; %d claimed rows were pending then",
                        cfg.pids.get(1), killedAt, moment, claimedAtKill.size());
                killMoment = moment;
            }
            Map<String, Long> states = states(db);
            long pending = states.getOrDefault("pending", 0L);
            long fired = states.getOrDefault("fired", 0L);
            boolean lastDuePassed = !now.isBefore(s.lastDue);
            if (lastDuePassed && pending == 0 && (!cfg.kill || killedAt != null)) {
                String cpu = cpu0 == null ? "n/a" : Cpu.now(cfg.pids).since(cpu0);
                log("firing: all due rows handled (%s) %.1f s after the last due time", states,
                        Duration.between(s.lastDue, Instant.now()).toMillis() / 1000.0);
                return new Firing(Instant.now(), Duration.between(s.firstDue, Instant.now()).toMillis() / 1000.0,
                        killedAt, killMoment, claimedAtKill, cpu, fired == expected);
            }
            if (now.isAfter(deadline)) {
                if (cpu0 != null) {
                    cpuWindow = Cpu.now(cfg.pids).since(cpu0);
                }
                fail("firing: %d rows still pending %s after the last due time (%s)", pending,
                        Duration.between(s.lastDue, now), states);
                return new Firing(Instant.now(), Duration.between(s.firstDue, Instant.now()).toMillis() / 1000.0,
                        killedAt, killMoment, claimedAtKill, cpuWindow, false);
            }
            if (!now.isBefore(nextLog)) {
                long dueNow = scalar(db, "SELECT count(*) FROM escalation_timer WHERE state = 'pending' AND due_at <= now()");
                long claimed = scalar(db, "SELECT count(*) FROM escalation_timer WHERE state = 'pending' AND claimed_until > now()");
                log("firing: %s; pending and due: %d, claimed and pending: %d", states, dueNow, claimed);
                nextLog = now.plusSeconds(10);
            }
            Thread.sleep(killedAt == null && cfg.kill && Duration.between(now, killAt).toMillis() < 1000 ? 20 : 500);
        }
    }

    /**
     * Waits until node 2 has just committed a claim (its connection, named by application_name, leaves the claim
     * UPDATE), so that the kill lands between the claim and the recording of the firings; gives up at the deadline.
     */
    String awaitFreshClaim(Connection db, Instant deadline) throws Exception {
        String inClaim = "SELECT pid FROM pg_stat_activity WHERE application_name = 'stormdesk-node2'"
                + " AND state IN ('active', 'idle in transaction') AND query LIKE 'UPDATE escalation_timer SET claimed_until%'";
        try (PreparedStatement find = db.prepareStatement(inClaim);
             PreparedStatement follow = db.prepareStatement("SELECT state, query FROM pg_stat_activity WHERE pid = ?")) {
            while (Instant.now().isBefore(deadline)) {
                Integer backend = null;
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        backend = rs.getInt(1);
                    }
                }
                if (backend == null) {
                    Thread.sleep(2);
                    continue;
                }
                follow.setInt(1, backend);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < until) {
                    try (ResultSet rs = follow.executeQuery()) {
                        if (!rs.next()) {
                            break;
                        }
                        String state = rs.getString(1);
                        String query = rs.getString(2);
                        if (!("active".equals(state) || "idle in transaction".equals(state))
                                || query == null || !query.startsWith("UPDATE escalation_timer SET claimed_until")) {
                            return "right after its sweep committed a claim";
                        }
                    }
                }
            }
        }
        notes.add("node 2 was not seen claiming within " + KILL_SEARCH.toSeconds() + " s of halfway; killed it anyway");
        return "without waiting for a claim (none seen)";
    }

    List<Claimed> claimedPending(Connection db) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, incident_id, claimed_until, due_at FROM escalation_timer WHERE state = 'pending' AND claimed_until > now()")) {
            while (rs.next()) {
                out.add(new Claimed((UUID) rs.getObject(1), (UUID) rs.getObject(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return out;
    }

    /** The rows that waited for the dead node's claim to run out, and when the survivor fired them. */
    record Takeover(int claimedAtKill, int bySurvivorAtOnce, int orphaned, double firstAfterKill, double lastAfterKill,
                    double leaseLeftAtKill, double afterLeaseMax, int neverFired, Set<UUID> orphanIncidents) {
    }

    Takeover takeover(Connection db, Firing f) throws SQLException {
        Map<UUID, Instant> firedAt = new HashMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, fired_at FROM escalation_timer WHERE fired_at IS NOT NULL")) {
            while (rs.next()) {
                firedAt.put((UUID) rs.getObject(1), rs.getTimestamp(2).toInstant());
            }
        }
        int atOnce = 0;
        int orphaned = 0;
        int never = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        double leaseLeft = Double.NaN;
        double afterLease = Double.NaN;
        Instant soon = f.killedAt.plus(OWN_CLAIM_SLACK);
        Set<UUID> orphans = new HashSet<>();
        for (Claimed c : f.claimedAtKill) {
            Instant at = firedAt.get(c.id);
            if (at == null) {
                never++;
                continue;
            }
            if (at.isBefore(soon)) {
                atOnce++;
                continue;
            }
            orphaned++;
            orphans.add(c.incident);
            double since = Duration.between(f.killedAt, at).toMillis() / 1000.0;
            first = Double.isNaN(first) ? since : Math.min(first, since);
            last = Double.isNaN(last) ? since : Math.max(last, since);
            double left = Duration.between(f.killedAt, c.claimedUntil).toMillis() / 1000.0;
            leaseLeft = Double.isNaN(leaseLeft) ? left : Math.max(leaseLeft, left);
            double overLease = Duration.between(c.claimedUntil, at).toMillis() / 1000.0;
            afterLease = Double.isNaN(afterLease) ? overLease : Math.max(afterLease, overLease);
        }
        return new Takeover(f.claimedAtKill.size(), atOnce, orphaned, first, last, leaseLeft, afterLease, never, orphans);
    }

    Map<String, Long> states(Connection db) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT state, count(*) FROM escalation_timer GROUP BY state")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    Map<String, Long> deliveries(Connection db) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT state, count(*) FROM notify_delivery WHERE entry_kind = 'escalation.fired' GROUP BY state")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            notes.add("could not count the deliveries: " + e.getMessage());
        }
        return out;
    }

    static long scalar(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Read-back through the journal
    // ------------------------------------------------------------------------------------------------

    /** The escalation.fired entries of our incidents; byKey: incident|timer|level to its lateness in ms. */
    record Pulled(int count, Map<String, Long> byKey, Map<String, Integer> timesByKey, long[] lateness, int foreign,
                  int foreignIncidents, int dueMismatch, int pages, double seconds, long[] sweepDelay, int scheduledLate) {
    }

    long headCursor() throws Exception {
        long cursor = 0;
        for (int page = 0; page < MAX_PULL_PAGES; page++) {
            Map<?, ?> json = pullPage(cfg.nodes.getFirst(), cursor);
            long next = ((Number) json.get("next")).longValue();
            if (!Boolean.TRUE.equals(json.get("hasMore"))) {
                return next;
            }
            if (next <= cursor) {
                throw new IllegalStateException("GET /api/sync/pull did not move its cursor past " + cursor);
            }
            cursor = next;
        }
        throw new IllegalStateException("paging to the journal's head did not finish within its bounds");
    }

    Map<?, ?> pullPage(String node, long after) throws Exception {
        Response r = send(node, "GET", "/api/sync/pull?after=" + after + "&limit=1000", null, null, adminAuth);
        if (r.status != 200) {
            throw new IllegalStateException("GET /api/sync/pull answered " + r.status + " " + abbreviate(r.body));
        }
        return (Map<?, ?>) BenchJson.parse(r.body);
    }

    Pulled pullFired(long after, Map<UUID, Instant> ours) throws Exception {
        // The first node lives through the run; the second may have been killed.
        String node = cfg.nodes.getFirst();
        long t0 = System.nanoTime();
        long deadline = t0 + PULL_TIME_LIMIT.toNanos();
        long cursor = after;
        int count = 0;
        int foreign = 0;
        int dueMismatch = 0;
        Set<String> foreignIncidents = new HashSet<>();
        Map<String, Long> byKey = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        List<Long> lateness = new ArrayList<>();
        Map<String, Instant> opened = new HashMap<>();
        List<Long> sweepDelay = new ArrayList<>();
        int scheduledLate = 0;
        int page = 0;
        while (page < MAX_PULL_PAGES && System.nanoTime() < deadline) {
            page++;
            Map<?, ?> json = pullPage(node, cursor);
            Object entries = json.get("entries");
            for (Object o : entries == null ? List.of() : (List<?>) entries) {
                Map<?, ?> e = (Map<?, ?>) o;
                if ("incident.opened".equals(e.get("kind"))) {
                    opened.put(String.valueOf(e.get("incident")), Instant.parse(String.valueOf(e.get("receivedAt"))));
                }
                if (!"escalation.fired".equals(e.get("kind"))) {
                    continue;
                }
                String incident = String.valueOf(e.get("incident"));
                Instant scheduledDue = ours.get(UUID.fromString(incident));
                if (scheduledDue == null) {
                    foreign++;
                    foreignIncidents.add(incident);
                    continue;
                }
                count++;
                Map<?, ?> p = (Map<?, ?>) e.get("payload");
                String key = incident + "|" + p.get("timer") + "|" + p.get("level");
                Instant due = Instant.parse(String.valueOf(p.get("due")));
                Instant received = Instant.parse(String.valueOf(e.get("receivedAt")));
                long late = Duration.between(due, received).toMillis();
                if (!due.equals(scheduledDue)) {
                    dueMismatch++;
                }
                times.merge(key, 1, Integer::sum);
                if (byKey.putIfAbsent(key, late) == null) {
                    lateness.add(late);
                    // From when the timer could first fire: its due time, or when its row was stored if that was later.
                    Instant stored = opened.get(incident);
                    Instant ready = stored != null && stored.isAfter(due) ? stored : due;
                    if (stored != null && stored.isAfter(due)) {
                        scheduledLate++;
                    }
                    sweepDelay.add(Duration.between(ready, received).toMillis());
                }
            }
            long next = ((Number) json.get("next")).longValue();
            if (!Boolean.TRUE.equals(json.get("hasMore"))) {
                break;
            }
            if (next <= cursor) {
                throw new IllegalStateException("GET /api/sync/pull did not move its cursor past " + cursor);
            }
            cursor = next;
        }
        if (System.nanoTime() >= deadline) {
            fail("reading the journal back did not finish within %s", PULL_TIME_LIMIT);
        }
        long[] late = lateness.stream().mapToLong(Long::longValue).toArray();
        double seconds = secondsSince(t0);
        log("read-back: %d escalation.fired entries of our incidents (%d distinct levels) in %d pages, %.1f s",
                count, byKey.size(), page, seconds);
        return new Pulled(count, byKey, times, late, foreign, foreignIncidents.size(), dueMismatch, page, seconds,
                sweepDelay.stream().mapToLong(Long::longValue).toArray(), scheduledLate);
    }

    // ------------------------------------------------------------------------------------------------
    // The summary
    // ------------------------------------------------------------------------------------------------

    String summary(Scheduled s, Firing f, Pulled p, Map<String, Long> states, long journalFired,
                   Map<String, Long> deliveries, Takeover t, int fired, int twice, int lost, long afterSeconds) {
        StringBuilder b = new StringBuilder();
        String title = "Stormdesk timer benchmark - " + cfg.label;
        b.append(title).append('\n').append("=".repeat(title.length())).append('\n');
        b.append(line("machine", "%d cores, Java %s, %d nodes on one PostgreSQL database".formatted(
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), cfg.nodes.size())));
        b.append(line("timers", "%,d (one per equipment incident), after PT%dS, due evenly over %d s".formatted(
                s.incidents.size(), afterSeconds, cfg.window)));
        b.append(line("scheduling", "%,d reports in %d pushes of %d over both nodes in %.1f s (%.0f reports/s); cpu: %s"
                .formatted(s.stored, s.pushes, PUSH_BATCH, s.pushSeconds, s.stored / s.pushSeconds, s.cpu)));
        b.append(line("due window", "%s .. %s".formatted(s.firstDue, s.lastDue)));
        if (f.killedAt != null) {
            b.append(line("kill -9", "node 2 at %s (%.1f s into the window), %s".formatted(f.killedAt,
                    Duration.between(s.firstDue, f.killedAt).toMillis() / 1000.0, f.killMoment)));
        }
        b.append(line("cpu (window)", f.cpuWindow));
        b.append('\n');

        Stats all = Stats.of(p.lateness);
        b.append("Firing\n");
        b.append(line("fired", "%,d of %,d timers   %s".formatted(fired, s.incidents.size(), check(fired == s.incidents.size()))));
        b.append(line("fired twice", "%d   %s".formatted(twice, check(twice == 0))));
        b.append(line("lost", "%d   %s".formatted(lost, check(lost == 0))));
        b.append(line("timer rows", "%s   %s".formatted(states, check(states.getOrDefault("pending", 0L) == 0
                && states.getOrDefault("fired", 0L) == s.incidents.size()))));
        b.append(line("journal", "%,d escalation.fired rows in journal_entry".formatted(journalFired)));
        b.append(line("lateness", all.describe()));
        b.append(line("sweep delay", "firing minus max(due, row stored): " + Stats.of(p.sweepDelay).describe()));
        if (p.scheduledLate > 0) {
            b.append(line("scheduled late", "%,d timers were stored after their due time (scheduling slower than --lead)"
                    .formatted(p.scheduledLate)));
        }
        int buckets = 6;
        long bucketMillis = Math.max(1, cfg.window * 1000L / buckets);
        List<List<Long>> byDue = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            byDue.add(new ArrayList<>());
        }
        for (Map.Entry<String, Long> e : p.byKey.entrySet()) {
            Instant due = s.incidents.get(UUID.fromString(e.getKey().substring(0, 36)));
            int i = (int) Math.min(buckets - 1, Math.max(0, Duration.between(s.firstDue, due).toMillis() / bucketMillis));
            byDue.get(i).add(e.getValue());
        }
        for (int i = 0; i < buckets; i++) {
            b.append(line(i == 0 ? "by due time" : "", "%3d-%3d s: %s".formatted(i * bucketMillis / 1000, (i + 1) * bucketMillis / 1000,
                    Stats.of(byDue.get(i).stream().mapToLong(Long::longValue).toArray()).describe())));
        }
        b.append(line("all handled", "%.1f s after the first due time (window %d s)".formatted(f.drainSeconds, cfg.window)));
        if (t != null) {
            b.append('\n');
            b.append("Takeover after kill -9\n");
            b.append(line("claimed at kill", "%d rows pending with a live claim; %d fired by the survivor within %d s (its own claims)"
                    .formatted(t.claimedAtKill, t.bySurvivorAtOnce, OWN_CLAIM_SLACK.toSeconds())));
            b.append(line("orphaned", t.orphaned == 0 ? "none" : "%d rows of the dead node, taken over %.1f s .. %.1f s after the kill"
                    .formatted(t.orphaned, t.firstAfterKill, t.lastAfterKill)));
            if (t.orphaned > 0) {
                b.append(line("lease", "their claims ran out up to %.1f s after the kill; fired at most %.1f s after that"
                        .formatted(t.leaseLeftAtKill, t.afterLeaseMax)));
            }
            if (t.neverFired > 0) {
                b.append(line("never fired", Integer.toString(t.neverFired)));
            }
            b.append(line("lateness", "without the orphaned rows: " + Stats.of(lateWithout(p, t.orphanIncidents)).describe()));
            b.append(line("lateness", "of the orphaned rows: " + Stats.of(lateOf(p, t.orphanIncidents)).describe()));
        }
        b.append('\n');
        b.append(line("deliveries", "escalation notices in the outbox: %s (sent at the notify channels' pace)".formatted(deliveries)));
        b.append('\n');
        b.append("Targets\n");
        b.append(target("p99 lateness < %.0f ms".formatted(TARGET_P99_MS), "%.0f ms".formatted(all.p99), all.p99 < TARGET_P99_MS));
        b.append(target("max lateness < %.0f ms".formatted(TARGET_MAX_MS), "%.0f ms".formatted(all.max), all.max < TARGET_MAX_MS));
        b.append(target("none twice, none lost", "%d / %d".formatted(twice, lost), twice == 0 && lost == 0));
        b.append('\n');
        b.append(failures.isEmpty() ? "Correctness: all checks passed\n" : "Correctness: %d check(s) FAILED\n".formatted(failures.size()));
        for (String x : failures) {
            b.append("  - ").append(x).append('\n');
        }
        for (String x : notes) {
            b.append("  note: ").append(x).append('\n');
        }
        return b.toString();
    }

    /** Lateness of every firing except those of the given incidents (the rows that waited for the dead node's claim). */
    static long[] lateWithout(Pulled p, Set<UUID> except) {
        return p.byKey.entrySet().stream().filter(e -> !except.contains(UUID.fromString(e.getKey().substring(0, 36))))
                .mapToLong(Map.Entry::getValue).toArray();
    }

    static long[] lateOf(Pulled p, Set<UUID> only) {
        return p.byKey.entrySet().stream().filter(e -> only.contains(UUID.fromString(e.getKey().substring(0, 36))))
                .mapToLong(Map.Entry::getValue).toArray();
    }

    static String line(String label, String value) {
        return "  %-16s %s%n".formatted(label, value);
    }

    static String target(String label, String measured, boolean met) {
        return "  %-32s %-10s %s%n".formatted(label, measured, met ? "met" : "NOT met");
    }

    static String check(boolean ok) {
        return ok ? "ok" : "WRONG";
    }

    void fail(String format, Object... args) {
        String message = format.formatted(args);
        failures.add(message);
        log("CHECK FAILED: %s", message);
    }

    record Stats(double p50, double p99, double max, double min, int n) {
        static Stats of(long[] millis) {
            if (millis.length == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Stats(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1], sorted[0], sorted.length);
        }

        /** Nearest-rank percentile. */
        static double rank(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        String describe() {
            return n == 0 ? "n/a" : "p50 %.0f ms, p99 %.0f ms, max %.0f ms (min %.0f ms, %,d firings)".formatted(p50, p99, max, min, n);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP, concurrency, CPU
    // ------------------------------------------------------------------------------------------------

    record Response(int status, String body) {
    }

    interface Task {
        Object run(int i) throws Exception;
    }

    Response send(String node, String method, String path, String body, String contentType, String auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Accept-Language", "en");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    /** Runs {@code count} tasks on virtual threads with at most {@code inFlight} at once; waits for all. */
    void runAll(int count, int inFlight, Task task) throws Exception {
        Semaphore permits = new Semaphore(Math.max(1, inFlight));
        List<Future<Object>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(virtualThreads.submit(() -> {
                permits.acquire();
                try {
                    return task.run(index);
                } finally {
                    permits.release();
                }
            }));
        }
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() * 2 + TimeUnit.SECONDS.toNanos(count + 60);
        for (Future<Object> f : futures) {
            long left = deadline - System.nanoTime();
            f.get(Math.max(1, left), TimeUnit.NANOSECONDS);
        }
    }

    /** CPU time of the nodes and of the whole machine between two snapshots (Linux /proc; "n/a" elsewhere). */
    record Cpu(long wallNanos, Map<Long, Long> nodesNanos, long machineBusy, long machineTotal) {

        static Cpu now(List<Long> pids) {
            Map<Long, Long> nodes = new HashMap<>();
            long busy = -1;
            long total = -1;
            for (long pid : pids) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    nodes.put(pid, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L);
                } catch (IOException | RuntimeException e) {
                    // gone (killed) or not Linux: counts as nothing
                }
            }
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long sum = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    sum += Long.parseLong(f[i]);
                }
                total = sum;
                busy = sum - Long.parseLong(f[4]) - Long.parseLong(f[5]);
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return new Cpu(System.nanoTime(), nodes, busy, total);
        }

        String since(Cpu start) {
            double wall = (wallNanos - start.wallNanos) / 1e9;
            List<String> parts = new ArrayList<>();
            // A node killed meanwhile counts for neither snapshot.
            long used = 0;
            boolean any = false;
            for (Map.Entry<Long, Long> e : nodesNanos.entrySet()) {
                Long before = start.nodesNanos.get(e.getKey());
                if (before != null) {
                    used += e.getValue() - before;
                    any = true;
                }
            }
            if (any && wall > 0) {
                parts.add("nodes %.2f cores".formatted(used / 1e9 / wall));
            }
            if (machineTotal > start.machineTotal && start.machineTotal >= 0) {
                parts.add("machine %.0f%% busy".formatted(
                        100.0 * (machineBusy - start.machineBusy) / (machineTotal - start.machineTotal)));
            }
            return parts.isEmpty() ? "n/a" : String.join(", ", parts);
        }
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now().truncatedTo(ChronoUnit.MILLIS), format.formatted(args));
        System.out.flush();
    }

    // ------------------------------------------------------------------------------------------------
    // Options
    // ------------------------------------------------------------------------------------------------

    record Config(List<String> nodes, List<Long> pids, String jdbcUrl, String dbUser, String dbPassword, int timers,
                  int window, int lead, boolean kill, String label, String adminUser, String adminPassword,
                  Path summaryFile) {

        static Config parse(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            boolean kill = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--kill")) {
                    kill = true;
                    continue;
                }
                if (!a.startsWith("--")) {
                    throw usage("unexpected argument " + a);
                }
                String key = a.substring(2);
                String value;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw usage("missing value for " + a);
                }
                o.put(key, value);
            }
            Set<String> known = Set.of("node-urls", "node-pids", "jdbc-url", "db-user", "db-password", "timers", "window",
                    "lead", "label", "admin-user", "admin-password", "summary");
            for (String k : o.keySet()) {
                if (!known.contains(k)) {
                    throw usage("unknown option --" + k);
                }
            }
            List<String> nodes = new ArrayList<>();
            for (String url : o.getOrDefault("node-urls", "").split(",")) {
                if (url.isBlank()) {
                    continue;
                }
                String u = url.strip().replaceAll("/+$", "");
                String host = URI.create(u).getHost();
                if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                    throw usage("the benchmark only talks to 127.0.0.1, not " + host);
                }
                nodes.add(u);
            }
            List<Long> pids = new ArrayList<>();
            for (String pid : o.getOrDefault("node-pids", "").split(",")) {
                if (!pid.isBlank()) {
                    pids.add(Long.parseLong(pid.strip()));
                }
            }
            if (nodes.size() != 2 || pids.size() != 2) {
                throw usage("--node-urls and --node-pids must name two nodes each");
            }
            String jdbc = o.get("jdbc-url");
            if (jdbc == null || !(jdbc.startsWith("jdbc:postgresql://127.0.0.1") || jdbc.startsWith("jdbc:postgresql://localhost"))) {
                throw usage("--jdbc-url must name a PostgreSQL database on 127.0.0.1");
            }
            Config c = new Config(nodes, pids, jdbc, o.getOrDefault("db-user", "postgres"), o.getOrDefault("db-password", ""),
                    positive(o, "timers", 10_000, 50_000), positive(o, "window", 120, 600), positive(o, "lead", 75, 600),
                    kill, o.getOrDefault("label", kill ? "kill -9 halfway" : "two nodes"),
                    o.getOrDefault("admin-user", "admin"), o.getOrDefault("admin-password", "demo"),
                    o.containsKey("summary") ? Path.of(o.get("summary")) : null);
            return c;
        }

        static int positive(Map<String, String> o, String key, int def, int max) {
            int v = Integer.parseInt(o.getOrDefault(key, Integer.toString(def)));
            if (v < 1 || v > max) {
                throw usage("--" + key + " must be between 1 and " + max);
            }
            return v;
        }

        static IllegalArgumentException usage(String why) {
            return new IllegalArgumentException(why + "\nusage: TimerBenchmark --node-urls http://127.0.0.1:P1,http://127.0.0.1:P2"
                    + " --node-pids PID1,PID2 --jdbc-url jdbc:postgresql://127.0.0.1:5432/DB [--db-user postgres] [--db-password '']"
                    + " [--timers 10000] [--window 120] [--lead 75] [--kill] [--label NAME] [--summary FILE]");
        }
    }


    static {
        Locale.setDefault(Locale.ROOT);
    }
}
