package org.stormdesk.capture;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stormdesk.support.Postgres;
import org.stormdesk.support.ServerProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captured customers survive the server being killed (kill -9) in the middle of a sync of many records: devices
 * keep each record in their queue until the server has answered for it (as the PWA's outbox does), push again
 * after the restart, and every record is stored exactly once, nothing lost and nothing doubled.
 */
class CaptureKillNineTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final int DEVICES = 12;
    private static final int PER_DEVICE = 150;
    private static final int BATCH = 25;

    @TempDir
    Path dir;

    @Test
    void capturedRecordsAreStoredExactlyOnceAcrossKillNineOnTheEmbeddedH2() throws Exception {
        killDuringSyncAndResync(List.of());
    }

    @Test
    void capturedRecordsAreStoredExactlyOnceAcrossKillNineOnPostgres() throws Exception {
        Map<String, String> db = Postgres.freshDatabase();
        try {
            killDuringSyncAndResync(List.of("--datasources.default.url=" + db.get("datasources.default.url"),
                    "--datasources.default.username=" + db.get("datasources.default.username"),
                    "--datasources.default.password=" + db.get("datasources.default.password")));
        } finally {
            Postgres.drop(db.get("stormdesk.test.database"));
        }
    }

    /** One device's outbox: records wait until the server answers for them. */
    record Device(String user, String id, ConcurrentLinkedDeque<Map<String, Object>> queue) {
    }

    private void killDuringSyncAndResync(List<String> args) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Device> devices = new ArrayList<>();
        Set<String> all = new HashSet<>();
        for (int d = 0; d < DEVICES; d++) {
            ConcurrentLinkedDeque<Map<String, Object>> queue = new ConcurrentLinkedDeque<>();
            for (int i = 0; i < PER_DEVICE; i++) {
                Map<String, Object> e = entry(d, i);
                queue.add(e);
                all.add((String) e.get("id"));
            }
            devices.add(new Device("agent" + (d % 6 + 1), "device-" + d, queue));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger pushes = new AtomicInteger();

        ServerProcess server = ServerProcess.start(data, log, args);
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
        List<Future<?>> running = new ArrayList<>();
        for (Device device : devices) {
            running.add(pool.submit(() -> drain(http, server, device, acknowledged, pushes)));
        }
        while (acknowledged.size() < DEVICES * PER_DEVICE / 4) {
            Thread.sleep(10);
        }
        server.kill();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int before = acknowledged.size();
        assertThat(before).as("killed in the middle of the sync").isLessThan(DEVICES * PER_DEVICE);

        try (ServerProcess again = ServerProcess.start(data, log, args)) {
            // every device pushes what it still holds; then, to prove resends change nothing, everything once more
            for (Device device : devices) {
                drain(http, again, device, acknowledged, pushes);
                assertThat(device.queue()).isEmpty();
            }
            for (int d = 0; d < DEVICES; d++) {
                List<Map<String, Object>> everything = new ArrayList<>();
                for (int i = 0; i < PER_DEVICE; i++) {
                    everything.add(entry(d, i));
                }
                for (int i = 0; i < everything.size(); i += BATCH) {
                    List<Map<String, Object>> results = push(http, again, devices.get(d), everything.subList(i, i + BATCH));
                    assertThat(results).extracting(r -> r.get("status")).containsOnly("duplicate");
                }
            }

            List<String> stored = new ArrayList<>();
            long cursor = 0;
            boolean more = true;
            while (more) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(again.url("/api/sync/pull?limit=1000&after=" + cursor)))
                        .header("Authorization", basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
                Map<String, Object> page = JSON.readValue(r.body(), Argument.mapOf(String.class, Object.class));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
                for (Map<String, Object> e : entries) {
                    if ("customer.captured".equals(e.get("kind"))) {
                        stored.add((String) e.get("id"));
                    }
                }
                cursor = ((Number) page.get("next")).longValue();
                more = (Boolean) page.get("hasMore");
            }
            assertThat(stored).as("nothing doubled").doesNotHaveDuplicates();
            assertThat(new HashSet<>(stored)).as("nothing lost").isEqualTo(all);

            HttpResponse<String> counts = http.send(HttpRequest.newBuilder(URI.create(again.url("/api/capture/counts")))
                    .header("Authorization", basic("manager")).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> c = JSON.readValue(counts.body(), Argument.mapOf(String.class, Object.class));
            assertThat(((Number) c.get("captured")).intValue()).as("the projection holds each record once").isEqualTo(all.size());
            assertThat(((Number) c.get("outstanding")).intValue()).isEqualTo(all.size());
        }
    }

    /** Pushes a device's queue in batches, dropping each record once the server answered for it; stops when it cannot reach it. */
    private Void drain(HttpClient http, ServerProcess server, Device device, Set<String> acknowledged, AtomicInteger pushes) {
        while (!device.queue().isEmpty()) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Map<String, Object> e : device.queue()) {
                batch.add(e);
                if (batch.size() == BATCH) {
                    break;
                }
            }
            List<Map<String, Object>> results;
            try {
                results = push(http, server, device, batch);
            } catch (IOException | InterruptedException unreachable) {
                return null;
            }
            pushes.incrementAndGet();
            for (Map<String, Object> r : results) {
                assertThat(r.get("status")).isIn("stored", "duplicate");
                acknowledged.add((String) r.get("id"));
                device.queue().removeIf(e -> e.get("id").equals(r.get("id")));
            }
        }
        return null;
    }

    private static List<Map<String, Object>> push(HttpClient http, ServerProcess server, Device device,
                                                  List<Map<String, Object>> batch) throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("device", device.id(), "entries", batch);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/sync/push")))
                .header("Authorization", basic(device.user())).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode());
        }
        Map<String, Object> answer = JSON.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        return results;
    }

    /** The same record every time it is made for a device and index (its id is derived from them). */
    static Map<String, Object> entry(int device, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "Customer " + device + "-" + i);
        p.put("phone", "139" + String.format("%08d", device * 1000 + i));
        p.put("matter", "Could not pay the bill during the outage");
        p.put("category", "billing");
        p.put("callbackPromised", false);
        p.put("source", "panel");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.nameUUIDFromBytes(("kill9:" + device + ":" + i).getBytes(StandardCharsets.UTF_8)).toString());
        e.put("kind", "customer.captured");
        e.put("recordedAt", Instant.parse("2026-11-29T08:00:00Z").plusSeconds(i).toString());
        e.put("payload", p);
        return e;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
