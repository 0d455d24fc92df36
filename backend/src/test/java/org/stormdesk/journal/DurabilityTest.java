package org.stormdesk.journal;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Stored" means on disk: the server is killed outright (kill -9) in the middle of a report storm, started
 * again, and every entry it had acknowledged is there, numbered without gaps.
 */
class DurabilityTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEntrySurvivesKillNineOnTheEmbeddedH2() throws Exception {
        stormKillAndCheck(List.of());
    }

    @Test
    void everyAcknowledgedEntrySurvivesKillNineOnPostgres() throws Exception {
        Map<String, String> db = Postgres.freshDatabase();
        try {
            stormKillAndCheck(List.of("--datasources.default.url=" + db.get("datasources.default.url"),
                    "--datasources.default.username=" + db.get("datasources.default.username"),
                    "--datasources.default.password=" + db.get("datasources.default.password")));
        } finally {
            Postgres.drop(db.get("stormdesk.test.database"));
        }
    }

    private void stormKillAndCheck(List<String> args) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ServerProcess server = ServerProcess.start(data, log, args);
        AtomicBoolean alive = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            String agent = "agent" + (t % 6 + 1);
            pool.submit(() -> {
                while (alive.get()) {
                    String id = UUID.randomUUID().toString();
                    try {
                        HttpResponse<String> r = http.send(post(server.url("/api/reports"), agent,
                                "{\"clientId\":\"" + id + "\",\"kind\":\"system\"}"), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201 || r.statusCode() == 200) {
                            acknowledged.add(id);
                        }
                    } catch (IOException killed) {
                        return null;
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < 300) {
            Thread.sleep(20);
        }
        server.kill();
        alive.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        try (ServerProcess again = ServerProcess.start(data, log, args)) {
            Set<String> stored = new HashSet<>();
            List<Long> seqs = new ArrayList<>();
            long cursor = 0;
            boolean more = true;
            while (more) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(again.url("/api/sync/pull?limit=1000&after=" + cursor)))
                        .header("Authorization", basic("manager")).build(), HttpResponse.BodyHandlers.ofString());
                Map<String, Object> page = JSON.readValue(r.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
                for (Map<String, Object> e : entries) {
                    seqs.add(((Number) e.get("seq")).longValue());
                    if ("report.filed".equals(e.get("kind"))) {
                        stored.add((String) e.get("id"));
                    }
                }
                cursor = ((Number) page.get("next")).longValue();
                more = (Boolean) page.get("hasMore");
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(stored).as("every acknowledged report is stored after kill -9").containsAll(acknowledged);
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1L);
            }
        }
    }

    private static HttpRequest post(String url, String user, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
