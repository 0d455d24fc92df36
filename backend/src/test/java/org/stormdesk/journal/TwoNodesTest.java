package org.stormdesk.journal;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.Postgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two backend nodes on one PostgreSQL database: both take pushes, sequence numbers stay gap-free across
 * them, and a browser connected to one node sees live what was stored through the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> database;
    private EmbeddedServer a;
    private EmbeddedServer b;

    @BeforeAll
    void startTwoNodes() {
        database = Postgres.freshDatabase();
        Map<String, Object> props = new HashMap<>(database);
        props.put("micronaut.server.port", -1);
        a = ApplicationContext.run(EmbeddedServer.class, props, "test", "demo");
        b = ApplicationContext.run(EmbeddedServer.class, props, "test", "demo");
    }

    @AfterAll
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        Postgres.drop(database.get("stormdesk.test.database"));
    }

    @Test
    void aBrowserOnOneNodeSeesLiveWhatWasReportedThroughTheOther() throws Exception {
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(b.getURL() + "/api/events"))
                .header("Authorization", basic("manager")).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> stream = http.send(subscribe, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<String> seen = new CompletableFuture<>();
        String clientId = UUID.randomUUID().toString();
        Thread reader = Thread.ofVirtual().start(() -> stream.body()
                .filter(line -> line.startsWith("data:") && line.contains("report.filed"))
                .findFirst().ifPresent(seen::complete));
        Thread.sleep(300);
        HttpResponse<String> filed = http.send(post(a, "/api/reports", "agent1", "{\"clientId\":\"" + clientId + "\",\"kind\":\"power\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).isEqualTo(201);
        assertThat(seen.get(10, TimeUnit.SECONDS)).contains("report.filed");
        reader.interrupt();
    }

    @Test
    void bothNodesTakePushesAndTheSequenceStaysGapFree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EmbeddedServer node = i % 2 == 0 ? a : b;
            StringBuilder entries = new StringBuilder();
            for (int j = 0; j < 5; j++) {
                if (j > 0) {
                    entries.append(',');
                }
                entries.append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"kind\":\"report.filed\",\"recordedAt\":\"")
                        .append(java.time.Instant.now()).append("\",\"payload\":{\"kind\":\"system\"}}");
            }
            String body = "{\"device\":\"dev-" + i + "\",\"entries\":[" + entries + "]}";
            answers.add(pool.submit(() -> http.send(post(node, "/api/sync/push", "agent" + (1 + (int) (Math.random() * 6)), body),
                    HttpResponse.BodyHandlers.ofString())));
        }
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("refused");
        }
        pool.shutdown();
        List<Long> seqs = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        io.micronaut.json.JsonMapper json = a.getApplicationContext().getBean(io.micronaut.json.JsonMapper.class);
        while (more) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(b.getURL() + "/api/sync/pull?limit=1000&after=" + cursor))
                    .header("Authorization", basic("manager")).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> page = json.readValue(r.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
            entries.forEach(e -> seqs.add(((Number) e.get("seq")).longValue()));
            cursor = ((Number) page.get("next")).longValue();
            more = (Boolean) page.get("hasMore");
        }
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
        assertThat(seqs.size()).isGreaterThanOrEqualTo(200);
    }

    private static HttpRequest post(EmbeddedServer node, String path, String user, String json) {
        return HttpRequest.newBuilder(URI.create(node.getURL() + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
