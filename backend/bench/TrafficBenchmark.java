import org.stormdesk.traffic.Erlang;
import org.stormdesk.traffic.TrafficPattern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Traffic benchmark (run by traffic.sh): pushes a year of 15-minute samples per queue to a running server over HTTP,
 * rebuilds each queue's baseline from its stored history (the replay also runs the detector over every interval),
 * counts the surges found, and times Erlang staffing computations in process.
 * Arguments: base URL, queues, days, concurrency.
 */
public final class TrafficBenchmark {

    static final int INTERVAL = 900;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String auth;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int queues = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        auth = "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8));
        int perQueue = days * 96;
        Instant now = Instant.now();
        Instant end = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), 86400L)).minus(Duration.ofDays(1));
        Instant from = end.minus(Duration.ofDays(days));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (int q = 0; q < queues; q++) {
            send("PUT", base + "/api/traffic/queues/" + code(q), "{\"name\":\"Bench " + q + "\",\"channel\":\"voice\",\"intervalSeconds\":900}");
        }
        System.out.printf(Locale.ROOT, "queues: %d, samples per queue: %d (%d days of 15-minute intervals), total %,d%n",
                queues, perQueue, days, (long) queues * perQueue);

        // 1. ingest, live intake (each batch is stored and judged in time order)
        AtomicLong stored = new AtomicLong();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int q = 0; q < queues; q++) {
                int queue = q;
                jobs.add(pool.submit(() -> {
                    TrafficPattern pattern = new TrafficPattern(10 + (queue % 20) * 25, zone, Duration.ofSeconds(INTERVAL), queue);
                    int[] offered = pattern.generate(from, perQueue, pattern.surges(from, perQueue, 4 * 7 * 96, 300, new double[] {1.5, 2, 3}));
                    for (int start = 0; start < perQueue; start += 5000) {
                        StringBuilder body = new StringBuilder("{\"samples\":[");
                        int stop = Math.min(perQueue, start + 5000);
                        for (int i = start; i < stop; i++) {
                            if (i > start) {
                                body.append(',');
                            }
                            body.append("{\"queue\":\"").append(code(queue)).append("\",\"intervalStart\":\"")
                                    .append(from.plusSeconds((long) i * INTERVAL)).append("\",\"intervalSeconds\":900,\"offered\":")
                                    .append(offered[i]).append(",\"answered\":").append(offered[i]).append(",\"abandoned\":0,\"aht\":240,")
                                    .append("\"waitingNow\":0,\"longestWait\":0,\"agentsStaffed\":20,\"agentsAvailable\":2}");
                        }
                        body.append("]}");
                        String answer = send("POST", base + "/api/traffic/samples", body.toString());
                        stored.addAndGet(count(answer, "\"status\":\"stored\""));
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        }
        double ingest = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "ingest: %,d samples stored in %.1f s = %,.0f samples/s (HTTP JSON batches of 5,000, %d in flight;"
                + " each batch also judged by the detector)%n", stored.get(), ingest, stored.get() / ingest, concurrency);

        // 2. baselines rebuilt from the stored history, with detection over every interval
        long t1 = System.nanoTime();
        AtomicLong judged = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int q = 0; q < queues; q++) {
                int queue = q;
                jobs.add(pool.submit(() -> {
                    String answer = send("POST", base + "/api/traffic/queues/" + code(queue) + "/replay", "");
                    judged.addAndGet(Long.parseLong(answer.replaceAll("[^0-9]", "")));
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        }
        double rebuild = (System.nanoTime() - t1) / 1e9;
        String surges = send("GET", base + "/api/traffic/surges?from=" + from + "&to=" + end.plus(Duration.ofDays(1)), null);
        System.out.printf(Locale.ROOT, "baselines: %d queues rebuilt from %,d stored samples in %.1f s (read back, learned and judged:"
                + " %,.0f detections/s); %d surges found%n", queues, judged.get(), rebuild, judged.get() / rebuild,
                count(surges, "\"startedAt\""));

        // 3. Erlang staffing computations, in process
        for (int agents : new int[] {1, 10, 100, 1000, 5000}) {
            double erlangs = agents == 1 ? 0.05 : agents * 0.95;
            for (String model : new String[] {"C", "A"}) {
                Double patience = "A".equals(model) ? 180.0 : null;
                int n = 0;
                long e0 = System.nanoTime();
                long result = 0;
                while (System.nanoTime() - e0 < 1_000_000_000L) {
                    result += Erlang.required(erlangs + (n % 7) * 1e-6, 240, 20, 0.8, patience).agents();
                    n++;
                }
                double s = (System.nanoTime() - e0) / 1e9;
                System.out.printf(Locale.ROOT, "erlang %s: %.0f erlangs -> %d agents: %,.0f staffing computations/s%n", model, erlangs,
                        result / n, n / s);
            }
        }
    }

    static String code(int q) {
        return "bench-" + q;
    }

    static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String send(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Authorization", auth)
                .header("Accept-Language", "en");
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
