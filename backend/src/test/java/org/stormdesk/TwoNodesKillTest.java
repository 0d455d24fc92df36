package org.stormdesk;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL; devices push through both while escalation timers fall due, and one node is
 * killed outright (SIGKILL) in the middle. Devices resend what went unanswered to the other node, as the PWA
 * does. Afterwards: every acknowledged entry is stored exactly once, the sequence has no gap, every timer level
 * fired exactly once, none is left pending, and the survivor fired what the dead node would have.
 */
class TwoNodesKillTest {

    static final JsonMapper JSON = JsonMapper.createDefault();
    static final List<String> KINDS = List.of("power", "aircon", "website", "surge");
    /** Level 1 falls due this long after each incident opens, level 2 after another ACK_WITHIN unanswered. */
    static final Duration AFTER = Duration.ofSeconds(14);
    static final Duration ACK_WITHIN = Duration.ofSeconds(6);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void killingOneNodeWhileDevicesPushAndTimersFallDueLosesNothingAndDoublesNothing() throws Exception {
        Map<String, String> db = Postgres.freshDatabase();
        List<String> args = List.of("--datasources.default.url=" + db.get("datasources.default.url"),
                "--datasources.default.username=" + db.get("datasources.default.username"),
                "--datasources.default.password=" + db.get("datasources.default.password"));
        try (ServerProcess a = ServerProcess.start(dir.resolve("a"), dir.resolve("a.log"), args);
             ServerProcess b = ServerProcess.start(dir.resolve("b"), dir.resolve("b.log"), args)) {
            for (String kind : KINDS) {
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(a.url("/api/playbooks/" + kind)))
                        .header("Authorization", basic("admin")).header("Content-Type", "text/yaml; charset=utf-8")
                        .PUT(HttpRequest.BodyPublishers.ofString(playbook(kind))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            }
            // four incidents open through node b: their timers are rows that either node may fire
            Instant opened = Instant.now();
            StringBuilder reports = new StringBuilder();
            for (String kind : KINDS) {
                reports.append(reports.isEmpty() ? "" : ",").append(entry(UUID.randomUUID(), kind, opened));
            }
            HttpResponse<String> open = http.send(push(b.url("/api/sync/push"), "agent1", "opener", reports.toString()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.body()).doesNotContain("refused");

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean pushing = new AtomicBoolean(true);
            ExecutorService devices = Executors.newFixedThreadPool(6);
            List<ServerProcess> nodes = List.of(a, b);
            for (int d = 0; d < 6; d++) {
                int device = d;
                devices.submit(() -> {
                    int turn = device;
                    while (pushing.get()) {
                        List<UUID> ids = new ArrayList<>();
                        StringBuilder batch = new StringBuilder();
                        for (int i = 0; i < 5; i++) {
                            UUID id = UUID.randomUUID();
                            ids.add(id);
                            batch.append(i == 0 ? "" : ",").append(entry(id, "system", Instant.now()));
                        }
                        // a device resends an unanswered batch to the next node until one answers
                        for (int attempt = 0; attempt < 4; attempt++) {
                            ServerProcess node = nodes.get(turn++ % 2);
                            try {
                                HttpResponse<String> r = http.send(push(node.url("/api/sync/push"), "agent" + (device + 1),
                                        "device-" + device, batch.toString()), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == 200) {
                                    List<Map<String, Object>> results = results(r.body());
                                    for (int i = 0; i < results.size(); i++) {
                                        Object status = results.get(i).get("status");
                                        if ("stored".equals(status) || "duplicate".equals(status)) {
                                            acknowledged.add(ids.get(i).toString());
                                        }
                                    }
                                    break;
                                }
                            } catch (IOException unanswered) {
                                // the node is gone: the same batch goes to the other
                            }
                        }
                    }
                    return null;
                });
            }

            // kill node b just after the first levels fall due, while they are being claimed and fired
            sleepUntil(opened.plus(AFTER).plusMillis(700));
            b.kill();
            Instant killedAt = Instant.now();
            sleepUntil(killedAt.plusSeconds(3));
            pushing.set(false);
            devices.shutdown();
            assertThat(devices.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            // every level fires on the survivor within the deadline (level 2 falls due after b is dead)
            long expected = KINDS.size() * 2L;
            Instant deadline = opened.plus(AFTER).plus(ACK_WITHIN).plusSeconds(30);
            Map<String, Integer> firings = firings(a);
            while (firings.size() < expected && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                firings = firings(a);
            }

            List<Map<String, Object>> all = pullAll(a);
            List<Long> seqs = all.stream().map(e -> ((Number) e.get("seq")).longValue()).toList();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("the sequence has no gap").isEqualTo(i + 1L);
            }
            Map<String, Integer> copies = new HashMap<>();
            all.forEach(e -> copies.merge((String) e.get("id"), 1, Integer::sum));
            assertThat(acknowledged).as("devices kept pushing through the kill").hasSizeGreaterThan(100);
            assertThat(copies.keySet()).as("every acknowledged entry is stored").containsAll(acknowledged);
            assertThat(copies.values()).as("and stored once").allMatch(n -> n == 1);

            assertThat(firings).as("each timer level of the four incidents fired").hasSize((int) expected);
            assertThat(firings.values()).as("and fired once").allMatch(n -> n == 1);
            try (Connection c = DriverManager.getConnection(db.get("datasources.default.url"), Postgres.USER, Postgres.PASSWORD);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM escalation_timer t JOIN escalation_incident i"
                         + " ON i.incident_id = t.incident_id WHERE t.state = 'pending' AND i.kind IN ('power','aircon','website','surge')")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no timer of those incidents is left pending").isZero();
            }
            // the survivor fired the levels that fell due after the kill: b's share moved to a
            assertThat(metric(a, "stormdesk_timers_fired_total")).isGreaterThanOrEqualTo((double) KINDS.size());
        } finally {
            Postgres.drop(db.get("stormdesk.test.database"));
        }
    }

    static String playbook(String kind) {
        return """
                kind: %s
                steps:
                  - id: look
                    clause: S1.3
                    role: manager
                    text: {zh-CN: "查看。", en: "Look.", zh-TW: "查看。"}
                timers:
                  - id: escalate
                    clause: S2.7
                    after: PT%dS
                    unless: resolved
                    notify: [role:leadership]
                    ack-within: PT%dS
                    message: {zh-CN: "未解决。", en: "Unresolved.", zh-TW: "未解決。"}
                    levels:
                      - notify: [role:admin]
                        message: {zh-CN: "仍未解决。", en: "Still unresolved.", zh-TW: "仍未解決。"}
                """.formatted(kind, AFTER.toSeconds(), ACK_WITHIN.toSeconds());
    }

    static String entry(UUID id, String kind, Instant recordedAt) {
        return "{\"id\":\"" + id + "\",\"kind\":\"report.filed\",\"recordedAt\":\"" + recordedAt
                + "\",\"payload\":{\"kind\":\"" + kind + "\"}}";
    }

    /** Escalation firings per incident and level, as the survivor's journal holds them. */
    Map<String, Integer> firings(ServerProcess node) throws Exception {
        Map<String, Integer> count = new HashMap<>();
        for (Map<String, Object> e : pullAll(node)) {
            if ("escalation.fired".equals(e.get("kind"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = (Map<String, Object>) e.get("payload");
                if (!"escalate".equals(payload.get("timer"))) {
                    continue;
                }
                count.merge(e.get("incident") + "/" + payload.get("level"), 1, Integer::sum);
            }
        }
        return count;
    }

    List<Map<String, Object>> pullAll(ServerProcess node) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.url("/api/sync/pull?limit=1000&after=" + cursor)))
                    .header("Authorization", basic("manager")).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> page = JSON.readValue(r.body(), Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
            all.addAll(entries);
            cursor = ((Number) page.get("next")).longValue();
            more = (Boolean) page.get("hasMore");
        }
        return all;
    }

    double metric(ServerProcess node, String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.url("/api/metrics")))
                .header("Authorization", basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(r.body());
        assertThat(m.find()).as(name + " in " + r.body().lines().filter(l -> l.startsWith("stormdesk")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    static List<Map<String, Object>> results(String body) throws IOException {
        Map<String, Object> answer = JSON.readValue(body, Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        return results;
    }

    static HttpRequest push(String url, String user, String device, String entries) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\":\"" + device + "\",\"entries\":[" + entries + "]}")).build();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static void sleepUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
