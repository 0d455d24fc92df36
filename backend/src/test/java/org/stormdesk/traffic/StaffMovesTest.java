package org.stormdesk.traffic;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S7.1: in a surge the manager sees who in outbound and support is on shift with the queue's skill, moves the proposed
 * people onto the lines in one action (each told, each move in the incident's log), and they go back when it is resolved.
 */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@Property(name = "stormdesk.traffic.simulator.enabled", value = "false")
class StaffMovesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @SuppressWarnings("unchecked")
    @Test
    void s7_1_outboundStaffAreProposedMovedNotifiedAndSentBack() throws InterruptedException {
        Api api = new Api(client);
        String queue = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.send(HttpRequest.PUT("/api/traffic/queues/" + queue, Map.of("name", "Hotline", "channel", "voice")),
                "manager", "en").status()).isEqualTo(200);
        Instant last = TrafficContract.aligned(Instant.now()).minus(Duration.ofMinutes(15));
        Map<String, Object> busy = TrafficContract.sample(queue, last, 200);
        busy.put("agentsStaffed", 20);
        assertThat(api.post("manager", "/api/traffic/samples", Map.of("samples", List.of(busy))).status()).isEqualTo(200);
        String incident = (String) api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "surge"))
                .get("incidentId");

        // 200 calls in 15 minutes at 240 s need about 60 agents for 80/20; 20 are staffed: outbound staff are proposed
        Map<String, Object> proposal = api.get("manager", "/api/traffic/staff/proposal?queue=" + queue).body();
        assertThat(((Number) proposal.get("gap")).intValue()).isGreaterThan(30);
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) proposal.get("candidates");
        assertThat(candidates).extracting(c -> c.get("username")).contains("agent5", "agent6").doesNotContain("agent1");
        assertThat((List<String>) proposal.get("proposed")).containsExactly("agent5", "agent6");

        // moved in one action; an inbound agent cannot be "pulled"; agents may not move anyone
        List<Map<String, Object>> moved = post(Map.of("incident", incident, "queue", queue, "usernames", List.of("agent5", "agent6", "agent1")));
        assertThat(moved).extracting(r -> r.get("status")).containsExactly("stored", "stored", "refused");
        assertThat((String) moved.get(2).get("reason")).contains("agent1 is not on shift in outbound or support");
        assertThat(api.post("agent2", "/api/traffic/staff/moves", Map.of("incident", incident, "queue", queue,
                "usernames", List.of("agent5"))).status()).isEqualTo(403);
        assertThat(api.list("manager", "/api/traffic/staff/moves")).extracting(m -> m.get("username")).contains("agent5", "agent6");

        // each was told, and the log shows the moves
        boolean told = false;
        for (int i = 0; i < 100 && !told; i++) {
            List<Map<String, Object>> notices = (List<Map<String, Object>>) api.get("agent5", "/api/notify/inbox").get("notices");
            told = notices.stream().anyMatch(n -> String.valueOf(n.get("text")).contains("Hotline"));
            if (!told) {
                Thread.sleep(100);
            }
        }
        assertThat(told).as("agent5 was told to move").isTrue();
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log.stream().map(l -> String.valueOf(l.get("text")))).anyMatch(t -> t.contains("agent5") && t.contains(queue));

        // resolving the incident sends them back
        assertThat(api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of()).status()).isEqualTo(200);
        List<Map<String, Object>> still = List.of(Map.of());
        for (int i = 0; i < 200 && !still.isEmpty(); i++) {
            still = api.list("manager", "/api/traffic/staff/moves").stream().filter(m -> incident.equals(m.get("incidentId"))).toList();
            if (!still.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(still).as("everyone moved for the incident went back").isEmpty();
        assertThat(api.list("manager", "/api/traffic/staff/moves?all=true")).filteredOn(m -> incident.equals(m.get("incidentId")))
                .allMatch(m -> m.get("returnedAt") != null && "system".equals(m.get("returnedBy")));
    }

    List<Map<String, Object>> post(Map<String, Object> body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/traffic/staff/moves", body).basicAuth("manager", "demo")
                .header("Accept-Language", "en"), io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }
}
