import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stormdesk storm benchmark: drives a running Stormdesk server over real HTTP on the loopback interface.
 *
 * <ol>
 *   <li>Report storm: N agents each file one report of the same outage, all at once.</li>
 *   <li>Sync storm: D devices each push E queued entries in one push, all at once; then everything again
 *       (all answers must be "duplicate").</li>
 *   <li>Raw baseline: single-row autocommit inserts into the same kind of database, same concurrency.</li>
 * </ol>
 *
 * Every loop is bounded in count and in time; the program only talks to 127.0.0.1 / localhost.
 * Usage: {@code java -cp <h2 and postgresql drivers> StormBenchmark.java --base-url http://127.0.0.1:PORT
 * --db-label H2 --raw-jdbc-url jdbc:... [--agents 1000] [--devices 100] [--entries 100] [--concurrency 64]}
 */
public class StormBenchmark {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    static final Duration PULL_TIME_LIMIT = Duration.ofMinutes(5);
    static final int MAX_PULL_PAGES = 100_000;
    static final long RAW_MAX_INSERTS = 2_000_000;

    // Targets (measured and printed, never asserted).
    static final double TARGET_P99_MS = 100;
    static final double TARGET_RAW_FRACTION = 0.5;
    static final double TARGET_DRAIN_SECONDS = 10;

    final Config cfg;
    final HttpClient http;
    final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    final String adminAuth;
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    StormBenchmark(Config cfg) {
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
        StormBenchmark bench = new StormBenchmark(cfg);
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
        log("Stormdesk storm benchmark against %s (%s): %d agents, %d devices x %d entries, %d in flight",
                cfg.baseUrl, cfg.dbLabel, cfg.agents, cfg.devices, cfg.entries, cfg.concurrency);
        Response health = send("GET", "/health", null, null);
        if (health.status != 200) {
            throw new IllegalStateException("GET /health answered " + health.status);
        }

        List<Agent> agents = createAgents("bench", cfg.agents);
        List<Agent> devices = createAgents("benchdev", cfg.devices);
        Stats warm = warmUp(agents, devices);

        int openBefore = openIncidents().size();
        if (openBefore != 0) {
            notes.add("the server had " + openBefore + " open incident(s) before the storm");
        }

        ReportStorm reports = reportStorm(agents);
        SyncStorm sync = syncStorm(devices, reports);
        RawBaseline raw = rawBaseline();

        String summary = summary(warm, reports, sync, raw);
        if (cfg.summaryFile != null) {
            Files.writeString(cfg.summaryFile, summary, StandardCharsets.UTF_8);
        } else {
            System.out.println();
            System.out.print(summary);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------
    // Setup: agents with their own API tokens
    // ------------------------------------------------------------------------------------------------

    record Agent(String username, String auth) {
    }

    List<Agent> createAgents(String prefix, int count) throws Exception {
        long t0 = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Agent[] made = new Agent[count];
        AtomicInteger errors = new AtomicInteger();
        Map<Integer, String> firstError = new ConcurrentHashMap<>();
        runAll(count, Math.min(16, cfg.concurrency), i -> {
            String username = "%s%s%04d".formatted(prefix, run, i + 1);
            String body = "{\"username\":%s,\"displayName\":%s,\"roles\":[\"agent\"]}"
                    .formatted(q(username), q("Bench " + prefix + " " + (i + 1)));
            Response r = send("POST", "/api/people/users?token=true", body, adminAuth);
            if (r.status != 201) {
                errors.incrementAndGet();
                firstError.putIfAbsent(0, r.status + " " + abbreviate(r.body));
                return null;
            }
            Map<?, ?> json = (Map<?, ?>) BenchJson.parse(r.body);
            String token = (String) json.get("apiToken");
            made[i] = new Agent(username, basic(username, token));
            return null;
        });
        if (errors.get() > 0) {
            throw new IllegalStateException("could not create " + errors.get() + " of " + count
                    + " users; first answer: " + firstError.get(0));
        }
        log("created %d %s users with API tokens in %.1f s", count, prefix, secondsSince(t0));
        return List.of(made);
    }

    /** Each person opens the app once (GET /api/auth/me), as they would before an outage. */
    Stats warmUp(List<Agent> agents, List<Agent> devices) throws Exception {
        List<Agent> all = new ArrayList<>(agents);
        all.addAll(devices);
        long[] lat = new long[all.size()];
        AtomicInteger bad = new AtomicInteger();
        long t0 = System.nanoTime();
        runAll(all.size(), cfg.concurrency, i -> {
            long s = System.nanoTime();
            Response r = send("GET", "/api/auth/me", null, all.get(i).auth());
            lat[i] = System.nanoTime() - s;
            if (r.status != 200) {
                bad.incrementAndGet();
            }
            return null;
        });
        double wall = secondsSince(t0);
        if (bad.get() > 0) {
            fail("warm-up: %d of %d GET /api/auth/me did not answer 200", bad.get(), all.size());
        }
        Stats st = Stats.of(lat, wall);
        log("warm-up: %d x GET /api/auth/me, %.0f req/s, p50 %.1f ms, p99 %.1f ms", all.size(), st.perSecond(all.size()),
                st.p50, st.p99);
        return st;
    }

    // ------------------------------------------------------------------------------------------------
    // 1. Report storm
    // ------------------------------------------------------------------------------------------------

    record ReportStorm(int requests, Map<Integer, Integer> statuses, int exceptions, Stats latency, int created,
                       Set<String> incidentIds, int openIncidents, long reportCount, String incidentId,
                       int pulledFiled, int pulledDistinct, int pulledOurs, int groups, String cpu, boolean ok) {
        int stored() {
            return statuses.getOrDefault(201, 0);
        }
    }

    ReportStorm reportStorm(List<Agent> agents) throws Exception {
        int n = agents.size();
        long cursor = headCursor();
        log("report storm: %d agents file one system report each, %d in flight (cursor %d)", n, cfg.concurrency, cursor);
        UUID[] clientIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            clientIds[i] = UUID.randomUUID();
        }
        long[] lat = new long[n];
        int[] status = new int[n];
        String[] incident = new String[n];
        AtomicInteger exceptions = new AtomicInteger();
        Map<String, String> firstError = new ConcurrentHashMap<>();

        Cpu cpu0 = Cpu.now(cfg.serverPid);
        long t0 = System.nanoTime();
        runAll(n, cfg.concurrency, i -> {
            String body = "{\"clientId\":\"%s\",\"kind\":\"system\"}".formatted(clientIds[i]);
            long s = System.nanoTime();
            try {
                Response r = send("POST", "/api/reports", body, agents.get(i).auth());
                lat[i] = System.nanoTime() - s;
                status[i] = r.status;
                if (r.status == 201 || r.status == 200) {
                    incident[i] = (String) ((Map<?, ?>) BenchJson.parse(r.body)).get("incidentId");
                } else {
                    firstError.putIfAbsent("first", r.status + " " + abbreviate(r.body));
                }
            } catch (IOException e) {
                lat[i] = System.nanoTime() - s;
                exceptions.incrementAndGet();
                firstError.putIfAbsent("first", e.toString());
            }
            return null;
        });
        double wall = secondsSince(t0);
        String cpu = Cpu.now(cfg.serverPid).since(cpu0);
        Stats st = Stats.of(lat, wall);

        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> incidentIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (status[i] != 0) {
                statuses.merge(status[i], 1, Integer::sum);
            }
            if (incident[i] != null) {
                incidentIds.add(incident[i]);
            }
        }
        int created = statuses.getOrDefault(201, 0);
        log("report storm: %d requests in %.2f s, %.0f entries/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, statuses %s; cpu: %s%s",
                n, wall, created / wall, st.p50, st.p99, st.max, statuses, cpu,
                exceptions.get() > 0 ? ", " + exceptions.get() + " failed to answer" : "");
        if (created != n) {
            fail("report storm: %d of %d reports answered 201 (statuses %s, %d exceptions; first problem: %s)",
                    created, n, statuses, exceptions.get(), firstError.get("first"));
        }
        if (incidentIds.size() != 1) {
            fail("report storm: the answers name %d distinct incidents, expected 1", incidentIds.size());
        }

        List<Map<?, ?>> open = openIncidents();
        long reportCount = open.size() == 1 ? ((Number) open.getFirst().get("reportCount")).longValue() : -1;
        String openId = open.size() == 1 ? (String) open.getFirst().get("id") : null;
        if (open.size() != 1) {
            fail("report storm: GET /api/incidents?state=open lists %d incidents, expected exactly 1", open.size());
        } else if (reportCount != n) {
            fail("report storm: the open incident has reportCount %d, expected %d", reportCount, n);
        } else if (incidentIds.size() == 1 && !incidentIds.contains(openId)) {
            fail("report storm: the open incident %s is not the one the answers named", openId);
        }

        Set<String> ours = new HashSet<>();
        for (UUID id : clientIds) {
            ours.add(id.toString());
        }
        Pulled pulled = pullAfter(cursor, "report.filed", ours);
        if (pulled.count != n || pulled.distinct != n || pulled.ours != n) {
            fail("report storm: the journal holds %d report.filed entries after the storm (%d distinct, %d of ours), expected %d",
                    pulled.count, pulled.distinct, pulled.ours, n);
        }
        log("report storm: %d incident(s) named, %d open with reportCount %d; journal: %d report.filed, %d distinct, %d ours",
                incidentIds.size(), open.size(), reportCount, pulled.count, pulled.distinct, pulled.ours);
        boolean ok = created == n && incidentIds.size() == 1 && open.size() == 1 && reportCount == n
                && pulled.count == n && pulled.distinct == n && pulled.ours == n;
        return new ReportStorm(n, statuses, exceptions.get(), st, created, incidentIds, open.size(), reportCount, openId,
                pulled.count, pulled.distinct, pulled.ours, pulled.groups, cpu, ok);
    }

    // ------------------------------------------------------------------------------------------------
    // 2. Sync storm
    // ------------------------------------------------------------------------------------------------

    record PushRound(Map<String, Integer> statuses, int failedPushes, Stats latency, double drainSeconds,
                     Map<String, Long> seqs, int seqMismatches, String cpu) {
        int count(String status) {
            return statuses.getOrDefault(status, 0);
        }
    }

    record SyncStorm(int devices, int entries, PushRound first, PushRound again, int pulledFiled, int pulledDistinct,
                     int pulledOurs, int groups, int openIncidents, long reportCount, boolean ok) {
        int total() {
            return devices * entries;
        }
    }

    SyncStorm syncStorm(List<Agent> devices, ReportStorm reports) throws Exception {
        int d = devices.size();
        int e = cfg.entries;
        long cursor = headCursor();
        log("sync storm: %d devices push %d queued entries each, all at once (cursor %d)", d, e, cursor);
        String recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String[] bodies = new String[d];
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < d; i++) {
            StringBuilder b = new StringBuilder(e * 130 + 64);
            b.append("{\"device\":").append(q("bench-dev-" + (i + 1))).append(",\"entries\":[");
            for (int j = 0; j < e; j++) {
                String id = UUID.randomUUID().toString();
                ours.add(id);
                if (j > 0) {
                    b.append(',');
                }
                b.append("{\"id\":\"").append(id).append("\",\"kind\":\"report.filed\",\"recordedAt\":\"")
                        .append(recordedAt).append("\",\"payload\":{\"kind\":\"system\"}}");
            }
            bodies[i] = b.append("]}").toString();
        }

        PushRound first = pushAll(devices, bodies, null);
        log("sync storm: %d entries drained in %.2f s (%.0f entries/s), push p50 %.1f ms, p99 %.1f ms, max %.1f ms, answers %s; cpu: %s%s",
                d * e, first.drainSeconds, (d * e) / first.drainSeconds, first.latency.p50, first.latency.p99,
                first.latency.max, first.statuses, first.cpu, first.failedPushes > 0 ? ", " + first.failedPushes + " pushes failed" : "");
        if (first.count("stored") != d * e) {
            fail("sync storm: %d of %d entries answered \"stored\" (answers %s, %d failed pushes)",
                    first.count("stored"), d * e, first.statuses, first.failedPushes);
        }
        Set<Long> seqs = new HashSet<>(first.seqs.values());
        if (seqs.size() != first.seqs.size()) {
            fail("sync storm: %d stored entries share a sequence number", first.seqs.size() - seqs.size());
        }

        PushRound again = pushAll(devices, bodies, first.seqs);
        log("sync storm re-push: answers %s in %.2f s, p99 %.1f ms, %d seq mismatches", again.statuses,
                again.drainSeconds, again.latency.p99, again.seqMismatches);
        if (again.count("duplicate") != d * e) {
            fail("sync storm re-push: %d of %d entries answered \"duplicate\" (answers %s, %d failed pushes)",
                    again.count("duplicate"), d * e, again.statuses, again.failedPushes);
        }
        if (again.seqMismatches > 0) {
            fail("sync storm re-push: %d duplicates name another sequence number than the first push", again.seqMismatches);
        }

        Pulled pulled = pullAfter(cursor, "report.filed", ours);
        if (pulled.count != d * e || pulled.distinct != d * e || pulled.ours != d * e) {
            fail("sync storm: the journal holds %d report.filed entries after the storm (%d distinct, %d of ours), expected %d",
                    pulled.count, pulled.distinct, pulled.ours, d * e);
        }
        List<Map<?, ?>> open = openIncidents();
        long reportCount = open.size() == 1 ? ((Number) open.getFirst().get("reportCount")).longValue() : -1;
        long expected = (long) reports.created() + (long) d * e;
        if (open.size() != 1 || reportCount != expected) {
            fail("sync storm: %d open incidents, reportCount %d; expected 1 open incident with reportCount %d",
                    open.size(), reportCount, expected);
        }
        log("sync storm: journal holds %d report.filed after the storm (%d distinct, %d ours); %d open incident, reportCount %d",
                pulled.count, pulled.distinct, pulled.ours, open.size(), reportCount);
        boolean ok = first.count("stored") == d * e && again.count("duplicate") == d * e && again.seqMismatches == 0
                && pulled.count == d * e && pulled.distinct == d * e && pulled.ours == d * e
                && open.size() == 1 && reportCount == expected;
        return new SyncStorm(d, e, first, again, pulled.count, pulled.distinct, pulled.ours, pulled.groups, open.size(),
                reportCount, ok);
    }

    PushRound pushAll(List<Agent> devices, String[] bodies, Map<String, Long> expectedSeqs) throws Exception {
        int d = devices.size();
        long[] lat = new long[d];
        List<List<Map<?, ?>>> answers = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            answers.add(null);
        }
        AtomicInteger failed = new AtomicInteger();
        Map<String, String> firstError = new ConcurrentHashMap<>();
        Cpu cpu0 = Cpu.now(cfg.serverPid);
        long t0 = System.nanoTime();
        runAll(d, d, i -> {
            long s = System.nanoTime();
            try {
                Response r = send("POST", "/api/sync/push", bodies[i], devices.get(i).auth());
                lat[i] = System.nanoTime() - s;
                if (r.status == 200) {
                    List<Map<?, ?>> results = new ArrayList<>();
                    for (Object o : (List<?>) ((Map<?, ?>) BenchJson.parse(r.body)).get("results")) {
                        results.add((Map<?, ?>) o);
                    }
                    answers.set(i, results);
                } else {
                    failed.incrementAndGet();
                    firstError.putIfAbsent("first", r.status + " " + abbreviate(r.body));
                }
            } catch (IOException e) {
                lat[i] = System.nanoTime() - s;
                failed.incrementAndGet();
                firstError.putIfAbsent("first", e.toString());
            }
            return null;
        });
        double wall = secondsSince(t0);
        String cpu = Cpu.now(cfg.serverPid).since(cpu0);
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Long> seqs = new HashMap<>();
        int mismatches = 0;
        String firstRefusal = null;
        for (List<Map<?, ?>> results : answers) {
            if (results == null) {
                continue;
            }
            for (Map<?, ?> r : results) {
                String status = (String) r.get("status");
                statuses.merge(status, 1, Integer::sum);
                String id = (String) r.get("id");
                Object seq = r.get("seq");
                if (seq instanceof Number num && id != null) {
                    seqs.put(id, num.longValue());
                    if (expectedSeqs != null && !Long.valueOf(num.longValue()).equals(expectedSeqs.get(id))) {
                        mismatches++;
                    }
                }
                if ("refused".equals(status) && firstRefusal == null) {
                    firstRefusal = String.valueOf(r.get("reason"));
                }
            }
        }
        if (failed.get() > 0) {
            fail("push: %d of %d pushes got no answer (first problem: %s)", failed.get(), d, firstError.get("first"));
        }
        if (firstRefusal != null) {
            fail("push: entries were refused, first reason: %s", firstRefusal);
        }
        return new PushRound(statuses, failed.get(), Stats.of(lat, wall), wall, seqs, mismatches, cpu);
    }

    // ------------------------------------------------------------------------------------------------
    // 3. Raw insert baseline
    // ------------------------------------------------------------------------------------------------

    record RawBaseline(String product, int threads, long inserts, long errors, double seconds, Stats latency) {
        double perSecond() {
            return inserts / seconds;
        }
    }

    RawBaseline rawBaseline() throws Exception {
        if (cfg.rawJdbcUrl == null) {
            notes.add("raw baseline skipped (no --raw-jdbc-url)");
            return null;
        }
        int threads = cfg.concurrency;
        String product;
        try (Connection c = DriverManager.getConnection(cfg.rawJdbcUrl, cfg.rawUser, cfg.rawPassword);
             Statement s = c.createStatement()) {
            product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            s.execute("drop table if exists bench_raw");
            s.execute("create table bench_raw (id uuid primary key, payload varchar(200))");
        }
        log("raw baseline: %d threads, single-row autocommit inserts for %.1f s into %s", threads,
                cfg.rawSeconds, product);
        Connection[] connections = new Connection[threads];
        for (int t = 0; t < threads; t++) {
            connections[t] = DriverManager.getConnection(cfg.rawJdbcUrl, cfg.rawUser, cfg.rawPassword);
            connections[t].setAutoCommit(true);
        }
        AtomicLong budget = new AtomicLong(RAW_MAX_INSERTS);
        AtomicLong errors = new AtomicLong();
        long[][] lat = new long[threads][];
        int[] counts = new int[threads];
        long[] ends = new long[threads];
        long deadline = System.nanoTime() + (long) (cfg.rawSeconds * 1e9);
        String payload = "{\"kind\":\"system\",\"note\":\"raw baseline row\"}";
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int me = t;
            workers.add(Thread.ofPlatform().name("raw-" + t).start(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try (PreparedStatement ps = connections[me].prepareStatement(
                        "insert into bench_raw (id, payload) values (?, ?)")) {
                    while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                        long s = System.nanoTime();
                        try {
                            ps.setObject(1, UUID.randomUUID());
                            ps.setString(2, payload);
                            ps.executeUpdate();
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - s;
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                }
                lat[me] = mine;
                counts[me] = n;
                ends[me] = System.nanoTime();
            }));
        }
        for (Thread w : workers) {
            w.join(Duration.ofSeconds((long) cfg.rawSeconds + 60));
        }
        long end = Arrays.stream(ends).max().orElse(System.nanoTime());
        double wall = (end - t0) / 1e9;
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            if (lat[t] != null) {
                System.arraycopy(lat[t], 0, all, k, counts[t]);
                k += counts[t];
            }
        }
        for (Connection c : connections) {
            c.close();
        }
        try (Connection c = DriverManager.getConnection(cfg.rawJdbcUrl, cfg.rawUser, cfg.rawPassword);
             Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw");
        }
        Stats st = Stats.of(Arrays.copyOf(all, k), wall);
        log("raw baseline: %d inserts in %.2f s = %.0f inserts/s, p50 %.2f ms, p99 %.2f ms, %d errors",
                total, wall, total / wall, st.p50, st.p99, errors.get());
        if (errors.get() > 0) {
            notes.add("raw baseline: " + errors.get() + " inserts failed");
        }
        return new RawBaseline(product, threads, total, errors.get(), wall, st);
    }

    // ------------------------------------------------------------------------------------------------
    // The summary
    // ------------------------------------------------------------------------------------------------

    String summary(Stats warm, ReportStorm r, SyncStorm s, RawBaseline raw) {
        StringBuilder b = new StringBuilder();
        String title = "Stormdesk storm benchmark - " + cfg.dbLabel;
        b.append(title).append('\n').append("=".repeat(title.length())).append('\n');
        b.append(line("machine", "%d cores, Java %s, %s".formatted(Runtime.getRuntime().availableProcessors(),
                Runtime.version().feature(), raw == null ? cfg.dbLabel : raw.product)));
        b.append(line("warm-up", "%d x GET /api/auth/me (one per user), p50 %.1f ms, p99 %.1f ms"
                .formatted(r.requests + s.devices, warm.p50, warm.p99)));
        b.append('\n');

        double reportRate = r.stored() / r.latency.wallSeconds;
        b.append("Report storm: %d agents, one POST /api/reports each, %d in flight\n".formatted(r.requests, cfg.concurrency));
        b.append(line("requests", "%d in %.2f s, answers %s%s".formatted(r.requests, r.latency.wallSeconds,
                r.statuses, r.exceptions > 0 ? ", " + r.exceptions + " unanswered" : "")));
        b.append(line("throughput", "%.0f entries/s".formatted(reportRate)));
        b.append(line("latency", "p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(r.latency.p50, r.latency.p99, r.latency.max)));
        b.append(line("cpu", r.cpu));
        b.append(line("commits", groupsLine(r.groups, r.pulledFiled)));
        b.append(line("incidents", "%d named in answers; open: %d, reportCount %d   %s".formatted(
                r.incidentIds.size(), r.openIncidents, r.reportCount,
                check(r.incidentIds.size() == 1 && r.openIncidents == 1 && r.reportCount == r.requests))));
        b.append(line("entries stored", "%d report.filed in the journal, %d distinct, %d ours   %s".formatted(
                r.pulledFiled, r.pulledDistinct, r.pulledOurs,
                check(r.pulledFiled == r.requests && r.pulledDistinct == r.requests && r.pulledOurs == r.requests))));
        b.append('\n');

        int total = s.total();
        double syncRate = total / s.first.drainSeconds;
        b.append("Sync storm: %d devices x %d queued entries, one POST /api/sync/push each, all at once\n"
                .formatted(s.devices, s.entries));
        b.append(line("drained", "%d entries in %.2f s".formatted(total, s.first.drainSeconds)));
        b.append(line("throughput", "%.0f entries/s".formatted(syncRate)));
        b.append(line("push latency", "p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(
                s.first.latency.p50, s.first.latency.p99, s.first.latency.max)));
        b.append(line("cpu", s.first.cpu));
        b.append(line("commits", groupsLine(s.groups, s.pulledFiled)));
        b.append(line("answers", "%s   %s".formatted(s.first.statuses, check(s.first.count("stored") == total))));
        b.append(line("re-push", "%s in %.2f s, same seq: %s   %s".formatted(s.again.statuses, s.again.drainSeconds,
                s.again.seqMismatches == 0 ? "yes" : s.again.seqMismatches + " differ",
                check(s.again.count("duplicate") == total && s.again.seqMismatches == 0))));
        b.append(line("pulled", "%d report.filed, %d distinct, %d ours   %s".formatted(s.pulledFiled, s.pulledDistinct,
                s.pulledOurs, check(s.pulledFiled == total && s.pulledDistinct == total && s.pulledOurs == total))));
        b.append(line("incident", "%d open, reportCount %d   %s".formatted(s.openIncidents, s.reportCount,
                check(s.openIncidents == 1 && s.reportCount == (long) r.created() + total))));
        b.append('\n');

        if (raw != null) {
            b.append("Raw baseline: single-row autocommit inserts, %d threads, %.1f s\n".formatted(raw.threads, raw.seconds));
            b.append(line("inserts", "%d, %.0f inserts/s, p50 %.2f ms, p99 %.2f ms%s".formatted(raw.inserts,
                    raw.perSecond(), raw.latency.p50, raw.latency.p99, raw.errors > 0 ? ", " + raw.errors + " errors" : "")));
            b.append(line("app / raw", "report storm %.0f%%, sync storm %.0f%%".formatted(
                    100 * reportRate / raw.perSecond(), 100 * syncRate / raw.perSecond())));
            b.append('\n');
        }

        b.append("Targets (%d cores)\n".formatted(Runtime.getRuntime().availableProcessors()));
        b.append(target("report p99 < %.0f ms".formatted(TARGET_P99_MS), "%.1f ms".formatted(r.latency.p99),
                r.latency.p99 < TARGET_P99_MS));
        if (raw != null) {
            double fraction = reportRate / raw.perSecond();
            b.append(target("reports >= %.0f%% of raw rate".formatted(100 * TARGET_RAW_FRACTION),
                    "%.0f%%".formatted(100 * fraction), fraction >= TARGET_RAW_FRACTION));
        }
        b.append(target("%,d entries drained < %.0f s".formatted(total, TARGET_DRAIN_SECONDS),
                "%.2f s".formatted(s.first.drainSeconds), s.first.drainSeconds < TARGET_DRAIN_SECONDS));
        b.append('\n');
        b.append(failures.isEmpty() ? "Correctness: all checks passed\n" : "Correctness: %d check(s) FAILED\n".formatted(failures.size()));
        for (String f : failures) {
            b.append("  - ").append(f).append('\n');
        }
        for (String n : notes) {
            b.append("  note: ").append(n).append('\n');
        }
        return b.toString();
    }

    static String groupsLine(int groups, int entries) {
        return groups == 0 ? "n/a" : "about %d (distinct receivedAt), %.1f entries per commit".formatted(groups,
                (double) entries / groups);
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

    // ------------------------------------------------------------------------------------------------
    // Journal and incident reads
    // ------------------------------------------------------------------------------------------------

    /** What a pull found; {@code groups}: distinct receivedAt among them, i.e. about how many commits stored them. */
    record Pulled(int count, int distinct, int ours, int groups, long next) {
    }

    /** The cursor after every entry stored so far. */
    long headCursor() throws Exception {
        return pullAfter(0, null, Set.of()).next;
    }

    /** Pages through the journal after {@code after} as admin, counting entries of one kind. */
    Pulled pullAfter(long after, String kind, Set<String> ours) throws Exception {
        long deadline = System.nanoTime() + PULL_TIME_LIMIT.toNanos();
        long cursor = after;
        int count = 0;
        int mine = 0;
        Set<String> ids = new HashSet<>();
        Set<Object> receivedAt = new HashSet<>();
        for (int page = 0; page < MAX_PULL_PAGES && System.nanoTime() < deadline; page++) {
            Response r = send("GET", "/api/sync/pull?after=" + cursor + "&limit=1000", null, adminAuth);
            if (r.status != 200) {
                throw new IllegalStateException("GET /api/sync/pull answered " + r.status + " " + abbreviate(r.body));
            }
            Map<?, ?> json = (Map<?, ?>) BenchJson.parse(r.body);
            // An empty page may leave "entries" out.
            Object page0 = json.get("entries");
            for (Object o : page0 == null ? List.of() : (List<?>) page0) {
                Map<?, ?> entry = (Map<?, ?>) o;
                if (kind != null && kind.equals(entry.get("kind"))) {
                    count++;
                    String id = (String) entry.get("id");
                    ids.add(id);
                    receivedAt.add(entry.get("receivedAt"));
                    if (ours.contains(id)) {
                        mine++;
                    }
                }
            }
            long next = ((Number) json.get("next")).longValue();
            boolean more = Boolean.TRUE.equals(json.get("hasMore"));
            if (!more) {
                return new Pulled(count, ids.size(), mine, receivedAt.size(), next);
            }
            if (next <= cursor) {
                throw new IllegalStateException("GET /api/sync/pull did not move its cursor past " + cursor);
            }
            cursor = next;
        }
        throw new IllegalStateException("paging through the journal did not finish within its bounds");
    }

    List<Map<?, ?>> openIncidents() throws Exception {
        Response r = send("GET", "/api/incidents?state=open", null, adminAuth);
        if (r.status != 200) {
            throw new IllegalStateException("GET /api/incidents answered " + r.status + " " + abbreviate(r.body));
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : (List<?>) BenchJson.parse(r.body)) {
            out.add((Map<?, ?>) o);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP and concurrency helpers
    // ------------------------------------------------------------------------------------------------

    record Response(int status, String body) {
    }

    interface Task {
        Object run(int i) throws Exception;
    }

    Response send(String method, String path, String json, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cfg.baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Accept-Language", "en");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
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
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() * 2 + TimeUnit.SECONDS.toNanos(count / 10 + 60);
        for (Future<Object> f : futures) {
            long left = deadline - System.nanoTime();
            f.get(Math.max(1, left), TimeUnit.NANOSECONDS);
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

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u%04x".formatted((int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Where the CPU went during a phase (Linux /proc; blank elsewhere)
    // ------------------------------------------------------------------------------------------------

    record Cpu(long wallNanos, long serverNanos, long clientNanos, long machineBusy, long machineTotal) {

        static Cpu now(long serverPid) {
            long client = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
            long server = -1;
            long busy = -1;
            long total = -1;
            try {
                if (serverPid > 0) {
                    String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
                    server = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                }
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long sum = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    sum += Long.parseLong(f[i]);
                }
                total = sum;
                busy = sum - Long.parseLong(f[4]) - Long.parseLong(f[5]);
            } catch (IOException | RuntimeException e) {
                // Not Linux, or the process is gone: leave it blank.
            }
            return new Cpu(System.nanoTime(), server, client, busy, total);
        }

        /** "server 1.4 cores, load generator 0.4 cores, machine 98% busy" between two snapshots. */
        String since(Cpu start) {
            double wall = (wallNanos - start.wallNanos) / 1e9;
            List<String> parts = new ArrayList<>();
            if (serverNanos >= 0 && start.serverNanos >= 0) {
                parts.add("server %.2f cores".formatted((serverNanos - start.serverNanos) / 1e9 / wall));
            }
            if (clientNanos >= 0 && start.clientNanos >= 0) {
                parts.add("load generator %.2f cores".formatted((clientNanos - start.clientNanos) / 1e9 / wall));
            }
            if (machineTotal > start.machineTotal && start.machineTotal >= 0) {
                parts.add("machine %.0f%% busy".formatted(
                        100.0 * (machineBusy - start.machineBusy) / (machineTotal - start.machineTotal)));
            }
            return parts.isEmpty() ? "n/a" : String.join(", ", parts);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Latency statistics
    // ------------------------------------------------------------------------------------------------

    record Stats(double p50, double p99, double max, double wallSeconds) {
        static Stats of(long[] nanos, double wallSeconds) {
            if (nanos.length == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, wallSeconds);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6, wallSeconds);
        }

        /** Nearest-rank percentile, in milliseconds. */
        static double rank(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        double perSecond(int count) {
            return count / wallSeconds;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Options
    // ------------------------------------------------------------------------------------------------

    record Config(String baseUrl, String dbLabel, int agents, int devices, int entries, int concurrency,
                  String adminUser, String adminPassword, String rawJdbcUrl, String rawUser, String rawPassword,
                  double rawSeconds, Path summaryFile, long serverPid) {

        static Config parse(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
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
            Set<String> known = Set.of("base-url", "db-label", "agents", "devices", "entries", "concurrency",
                    "admin-user", "admin-password", "raw-jdbc-url", "raw-user", "raw-password", "raw-seconds", "summary", "server-pid");
            for (String k : o.keySet()) {
                if (!known.contains(k)) {
                    throw usage("unknown option --" + k);
                }
            }
            String baseUrl = o.getOrDefault("base-url", "http://127.0.0.1:8080").replaceAll("/+$", "");
            String host = URI.create(baseUrl).getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                throw usage("the benchmark only talks to 127.0.0.1, not " + host);
            }
            Config c = new Config(baseUrl, o.getOrDefault("db-label", "database"),
                    positive(o, "agents", 1000, 100_000), positive(o, "devices", 100, 10_000),
                    positive(o, "entries", 100, 500), positive(o, "concurrency", 64, 1000),
                    o.getOrDefault("admin-user", "admin"), o.getOrDefault("admin-password", "demo"),
                    o.get("raw-jdbc-url"), o.getOrDefault("raw-user", "sa"), o.getOrDefault("raw-password", ""),
                    Double.parseDouble(o.getOrDefault("raw-seconds", "5")),
                    o.containsKey("summary") ? Path.of(o.get("summary")) : null,
                    Long.parseLong(o.getOrDefault("server-pid", "0")));
            if (c.rawSeconds <= 0 || c.rawSeconds > 600) {
                throw usage("--raw-seconds must be in (0, 600]");
            }
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
            return new IllegalArgumentException(why + "\nusage: StormBenchmark --base-url http://127.0.0.1:PORT"
                    + " [--db-label NAME] [--agents 1000] [--devices 100] [--entries 100] [--concurrency 64]"
                    + " [--admin-user admin] [--admin-password demo] [--raw-jdbc-url URL --raw-user U --raw-password P]"
                    + " [--raw-seconds 5] [--summary FILE] [--server-pid PID]");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // A small JSON reader (objects, arrays, strings, numbers, booleans, null)
    // ------------------------------------------------------------------------------------------------


    static {
        Locale.setDefault(Locale.ROOT);
    }
}
