import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sync storm against two nodes: {@code --devices} devices each push {@code --entries} queued entries at once, half
 * of them to each node; a device whose node does not answer resends the same batch to the other node, as the PWA
 * does. With {@code --kill}, node 2 is killed (SIGKILL) {@code --kill-after} seconds into the storm, while a handful
 * of escalation timers fall due: their lateness shows how long the dead node's leases held them.
 * Afterwards every entry is pulled back from node 1: losses (acknowledged, not stored), duplicates (stored twice)
 * and gaps in the sequence must all be 0.
 * <p>
 * {@code java NodesBenchmark.java BenchJson.java --nodes URL1,URL2 --node-pids PID1,PID2 [--devices 1000]
 * [--entries 10] [--concurrency 200] [--kill] [--kill-after 4] [--label TEXT] [--summary FILE]}
 */
final class NodesBenchmark {

    static final List<String> TIMER_KINDS = List.of("power", "aircon", "website", "surge", "fire", "media");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final List<String> nodes;
    final List<Long> pids;
    final int devices;
    final int entries;
    final int concurrency;
    final boolean kill;
    final double killAfter;
    final String label;
    final Path summary;

    NodesBenchmark(Map<String, String> a) {
        nodes = List.of(a.get("nodes").split(","));
        pids = java.util.Arrays.stream(a.getOrDefault("node-pids", "").split(",")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        devices = Integer.parseInt(a.getOrDefault("devices", "1000"));
        entries = Integer.parseInt(a.getOrDefault("entries", "10"));
        concurrency = Integer.parseInt(a.getOrDefault("concurrency", "200"));
        kill = a.containsKey("kill");
        killAfter = Double.parseDouble(a.getOrDefault("kill-after", "4"));
        label = a.getOrDefault("label", "");
        summary = a.containsKey("summary") ? Path.of(a.get("summary")) : null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            a.put(key, flag ? "true" : args[++i]);
        }
        System.exit(new NodesBenchmark(a).run());
    }

    record Answer(int device, int node, double millis, int stored, int duplicate, int refused, int failovers) {
    }

    int run() throws Exception {
        log("%s: %d devices x %d entries against %d nodes%s", label, devices, entries, nodes.size(),
                kill ? String.format("; node 2 killed %.1f s in", killAfter) : "");
        // timers due around the kill, to see how long the dead node's claims hold them
        long lead = Math.round(killAfter * 1000) + 15_000;
        for (String kind : TIMER_KINDS) {
            String yaml = playbook(kind, lead);
            HttpResponse<String> r = send(nodes.getFirst(), "PUT", "/api/playbooks/" + kind, yaml, "text/yaml; charset=utf-8", "admin");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("PUT playbook " + kind + ": " + r.statusCode() + " " + r.body());
            }
        }
        // build every device's queue first: recorded while offline, 15 s before they open their timers' clock
        Instant t0 = Instant.now().plusSeconds(2);
        Instant recorded = t0.minusMillis(15_000);
        List<String> bodies = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            List<String> mine = new ArrayList<>();
            StringBuilder b = new StringBuilder("{\"device\":\"bench-" + d + "\",\"entries\":[");
            for (int e = 0; e < entries; e++) {
                String id = UUID.randomUUID().toString();
                mine.add(id);
                String kind = d < TIMER_KINDS.size() && e == 0 ? TIMER_KINDS.get(d) : "system";
                Instant at = kind.equals("system") ? Instant.now() : recorded;
                b.append(e == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"kind\":\"report.filed\",\"recordedAt\":\"")
                        .append(at).append("\",\"payload\":{\"kind\":\"").append(kind).append("\"}}");
            }
            bodies.add(b.append("]}").toString());
            ids.add(mine);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), t0).toMillis()));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unanswered = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(devices);
        Instant start = Instant.now();
        Instant[] killedAt = new Instant[1];
        Thread killer = null;
        if (kill) {
            killer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(Math.round(killAfter * 1000));
                    ProcessHandle.of(pids.get(1)).ifPresent(ProcessHandle::destroyForcibly);
                    killedAt[0] = Instant.now();
                    log("killed node 2 (pid %d) %.2f s into the storm", pids.get(1), Duration.between(start, killedAt[0]).toMillis() / 1000.0);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int d = 0; d < devices; d++) {
                int device = d;
                pool.submit(() -> {
                    try {
                        inFlight.acquire();
                        long began = System.nanoTime();
                        int failovers = 0;
                        for (int attempt = 0; attempt < 6; attempt++) {
                            int node = (device + attempt) % nodes.size();
                            try {
                                HttpResponse<String> r = send(nodes.get(node), "POST", "/api/sync/push", bodies.get(device),
                                        "application/json", "agent" + (device % 6 + 1));
                                if (r.statusCode() != 200) {
                                    failovers++;
                                    continue;
                                }
                                int[] counts = tally(r.body(), ids.get(device), acknowledged);
                                answers.add(new Answer(device, node, (System.nanoTime() - began) / 1e6, counts[0], counts[1], counts[2], failovers));
                                return null;
                            } catch (IOException gone) {
                                failovers++;
                            }
                        }
                        unanswered.incrementAndGet();
                        return null;
                    } finally {
                        inFlight.release();
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double wall = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        if (killer != null) {
            killer.join();
        }
        List<Double> latencies = answers.stream().map(Answer::millis).sorted().toList();
        int stored = answers.stream().mapToInt(Answer::stored).sum();
        int duplicateAnswers = answers.stream().mapToInt(Answer::duplicate).sum();
        int refused = answers.stream().mapToInt(Answer::refused).sum();
        long failedOver = answers.stream().filter(x -> x.failovers() > 0).count();
        log("storm: %d entries acknowledged in %.2f s = %.0f entries/s; push p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
                        + "%d stored, %d answered as duplicates, %d refused, %d devices failed over, %d never answered",
                acknowledged.size(), wall, acknowledged.size() / wall, pct(latencies, 0.5), pct(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.getLast(), stored, duplicateAnswers, refused, failedOver, unanswered.get());

        // read everything back through node 1
        // the timers fall due killAfter seconds in; give the survivor the lease (5 s) and a few sweeps more
        Thread.sleep(Math.max(0, Math.round(killAfter * 1000) + 12_000 - Duration.between(start, Instant.now()).toMillis()));
        Map<String, Integer> copies = new HashMap<>();
        List<Long> seqs = new ArrayList<>();
        List<Double> lateness = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            HttpResponse<String> r = send(nodes.getFirst(), "GET", "/api/sync/pull?limit=1000&after=" + cursor, null, null, "manager");
            @SuppressWarnings("unchecked")
            Map<String, Object> page = (Map<String, Object>) BenchJson.parse(r.body());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> got = (List<Map<String, Object>>) page.get("entries");
            for (Map<String, Object> e : got) {
                copies.merge((String) e.get("id"), 1, Integer::sum);
                seqs.add(((Number) e.get("seq")).longValue());
                if ("escalation.fired".equals(e.get("kind"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> p = (Map<String, Object>) e.get("payload");
                    if ("bench".equals(p.get("timer"))) {
                        lateness.add(Duration.between(Instant.parse((String) p.get("due")), Instant.parse((String) e.get("recordedAt"))).toMillis() / 1000.0);
                    }
                }
            }
            cursor = ((Number) page.get("next")).longValue();
            more = Boolean.TRUE.equals(page.get("hasMore"));
        }
        long losses = acknowledged.stream().filter(id -> !copies.containsKey(id)).count();
        long duplicates = copies.values().stream().filter(n -> n > 1).count();
        long gaps = 0;
        for (int i = 0; i < seqs.size(); i++) {
            if (seqs.get(i) != i + 1L) {
                gaps++;
            }
        }
        Collections.sort(lateness);
        String timers = String.format("%d of %d timers fired, lateness max %.1f s (p50 %.1f s)", lateness.size(), TIMER_KINDS.size(),
                lateness.isEmpty() ? 0 : lateness.getLast(), pct(lateness, 0.5));
        log("read back: %d entries; losses %d, duplicates %d, sequence gaps %d; %s", seqs.size(), losses, duplicates, gaps, timers);

        String text = String.format("""
                Stormdesk two-node sync storm - %s
                  %d devices x %d entries, %d at a time, %s
                  entries/s: %.0f (%d acknowledged in %.2f s)
                  push latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms
                  losses: %d, duplicates: %d, sequence gaps: %d, never answered: %d, failed over: %d devices
                  timers due around the kill: %s
                """, label, devices, entries, concurrency, kill ? String.format("node 2 killed %.1f s in", killAfter) : "no kill",
                acknowledged.size() / wall, acknowledged.size(), wall, pct(latencies, 0.5), pct(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.getLast(), losses, duplicates, gaps, unanswered.get(), failedOver, timers);
        if (summary != null) {
            Files.writeString(summary, text);
        }
        boolean ok = losses == 0 && duplicates == 0 && gaps == 0 && unanswered.get() == 0 && refused == 0
                && lateness.size() == TIMER_KINDS.size();
        return ok ? 0 : 1;
    }

    /** Counts stored/duplicate/refused in a push answer and remembers the accepted ids. */
    static int[] tally(String body, List<String> ids, Set<String> acknowledged) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) BenchJson.parse(body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        int[] c = new int[3];
        for (int i = 0; i < results.size(); i++) {
            String status = (String) results.get(i).get("status");
            switch (status) {
                case "stored" -> c[0]++;
                case "duplicate" -> c[1]++;
                default -> c[2]++;
            }
            if (!"refused".equals(status)) {
                acknowledged.add(ids.get(i));
            }
        }
        return c;
    }

    static String playbook(String kind, long afterMillis) {
        return """
                kind: %s
                steps:
                  - id: look
                    clause: S1.3
                    role: manager
                    text: {zh-CN: "查看。", en: "Look.", zh-TW: "查看。"}
                timers:
                  - id: bench
                    clause: S2.7
                    after: PT%.3fS
                    unless: resolved
                    notify: [role:leadership]
                    message: {zh-CN: "基准测试。", en: "Benchmark.", zh-TW: "基準測試。"}
                """.formatted(kind, afterMillis / 1000.0);
    }

    static HttpResponse<String> send(String base, String method, String path, String body, String type, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.clamp(i, 0, sorted.size() - 1));
    }

    static void log(String format, Object... args) {
        System.out.printf("[nodes] " + format + "%n", args);
    }
}
