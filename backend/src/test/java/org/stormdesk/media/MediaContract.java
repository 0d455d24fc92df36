package org.stormdesk.media;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.media.internal.MediaEntries;
import org.stormdesk.media.internal.MediaSweep;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media inquiries and public crises (S8.1, S8.2, S8.3): anyone on the floor hands a journalist to the manager at
 * once, with the reminder that staff never give interviews themselves on record; the manager works the register;
 * only leadership designates the spokesperson and approves statements; agents only ever read approved public lines.
 */
public abstract class MediaContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    MutableClock clock;
    @Inject
    MediaSweep sweep;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    static Map<String, Object> inquiry(String outlet) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("outlet", outlet);
        body.put("name", "Li Wen");
        body.put("position", "Reporter");
        body.put("subject", "The outage this morning");
        body.put("contact", "+86 138 0000 0000");
        body.put("deadline", "today 17:00");
        body.put("language", "en");
        body.put("reminderShown", true);
        return body;
    }

    String file(String user, String outlet) {
        Api.Answer a = api.post(user, "/api/media/inquiries", inquiry(outlet));
        assertThat(a.status()).isEqualTo(201);
        return (String) a.get("id");
    }

    Map<String, Object> registerRow(String id) {
        return api.list("manager", "/api/media/inquiries").stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
    }

    Map<String, Object> push(String user, String kind, UUID incident, Map<String, Object> payload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", kind);
        if (incident != null) {
            entry.put("incident", incident.toString());
        }
        entry.put("recordedAt", Instant.now().toString());
        entry.put("payload", payload);
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-test", "entries", List.of(entry)));
        assertThat(a.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) a.get("results");
        return results.getFirst();
    }

    String mediaIncident() {
        Api.Answer a = api.post("agent3", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "media"));
        assertThat(a.status()).isIn(200, 201);
        return (String) a.get("incidentId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void s8_1_anAgentsInquiryReachesTheManagerAtOnceWithTheReminderOnRecord() throws InterruptedException {
        String outlet = "Daily Harbour " + UUID.randomUUID();
        String id = file("agent1", outlet);

        Map<String, Object> row = registerRow(id);
        assertThat(row).containsEntry("state", "new").containsEntry("reminderShown", true)
                .containsEntry("filedBy", "agent1").containsEntry("outlet", outlet).containsEntry("position", "Reporter");

        StoredEntry notice = journal.find(MediaEntries.noticeOf(UUID.fromString(id))).orElseThrow();
        assertThat(notice.kind()).isEqualTo("notice.requested");
        assertThat(notice.payload()).containsEntry("audience", List.of("role:manager"));
        assertThat(((Map<String, Object>) notice.payload().get("message")).keySet()).containsExactlyInAnyOrder("zh-CN", "en", "zh-TW");

        // the manager's in-app inbox has it
        boolean inInbox = false;
        for (int i = 0; i < 100 && !inInbox; i++) {
            List<Map<String, Object>> notices = (List<Map<String, Object>>) api.get("manager", "/api/notify/inbox").get("notices");
            inInbox = notices.stream().anyMatch(n -> String.valueOf(n.get("text")).contains(outlet));
            if (!inInbox) {
                Thread.sleep(100);
            }
        }
        assertThat(inInbox).as("the manager's inbox holds the inquiry").isTrue();

        // the same clientId again changes nothing
        Map<String, Object> again = inquiry(outlet);
        again.put("clientId", id);
        assertThat(api.post("agent1", "/api/media/inquiries", again).status()).isEqualTo(200);
    }

    @Test
    void s8_2_anInquiryWithoutTheReminderShownIsRefusedOnlineAndOffline() {
        Map<String, Object> body = inquiry("No Reminder Weekly");
        body.put("reminderShown", false);
        Api.Answer online = api.post("agent1", "/api/media/inquiries", body);
        assertThat(online.status()).isEqualTo(400);
        assertThat(online.body().toString()).contains("reminderShown");

        Map<String, Object> payload = new LinkedHashMap<>(inquiry("No Reminder Weekly"));
        payload.remove("clientId");
        payload.remove("reminderShown");
        Map<String, Object> refused = push("agent2", "media.inquiry.filed", null, payload);
        assertThat(refused).containsEntry("status", "refused");
        assertThat((String) refused.get("reason")).contains("reminder");

        payload.put("reminderShown", true);
        assertThat(push("agent2", "media.inquiry.filed", null, payload)).containsEntry("status", "stored");
    }

    @Test
    void theManagerWorksTheRegisterAndAgentsMayNot() {
        String incident = mediaIncident();
        assertThat(api.post("leader", "/api/media/spokespersons", Map.of("incident", incident, "username", "spokesperson")).status())
                .isIn(201, 400);
        Map<String, Object> body = inquiry("Evening Star " + UUID.randomUUID());
        body.put("incident", incident);
        String id = (String) api.post("agent1", "/api/media/inquiries", body).get("id");

        assertThat(api.post("agent1", "/api/media/inquiries/" + id + "/acknowledge", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("spokesperson", "/api/media/inquiries/" + id + "/acknowledge", Map.of()).status()).isEqualTo(403);
        assertThat(push("agent1", "media.inquiry.acknowledged", null, Map.of("inquiry", id))).containsEntry("status", "refused");

        Api.Answer ack = api.post("manager", "/api/media/inquiries/" + id + "/acknowledge", Map.of("note", "calling back"));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).containsEntry("state", "with_manager").containsEntry("acknowledgedBy", "manager");
        assertThat(api.post("manager", "/api/media/inquiries/" + id + "/acknowledge", Map.of()).status()).isEqualTo(400);

        Api.Answer referred = api.post("manager", "/api/media/inquiries/" + id + "/refer", Map.of());
        assertThat(referred.body()).containsEntry("state", "referred").containsEntry("referredTo", "spokesperson");
        // offline, through the queue, like any entry
        assertThat(push("leader", "media.inquiry.answered", null, Map.of("inquiry", id, "note", "statement read out")))
                .containsEntry("status", "stored");
        assertThat(registerRow(id)).containsEntry("state", "answered").containsEntry("closedBy", "leader");
        assertThat(api.post("manager", "/api/media/inquiries/" + id + "/decline", Map.of()).status()).isEqualTo(400);

        String declined = file("agent2", "Gossip Daily " + UUID.randomUUID());
        assertThat(api.post("manager", "/api/media/inquiries/" + declined + "/decline", Map.of()).body())
                .containsEntry("state", "declined");

        // the register is for the manager, leadership, the spokesperson and administrators
        assertThat(api.get("agent1", "/api/media/inquiries").status()).isEqualTo(403);
        assertThat(api.list("spokesperson", "/api/media/inquiries")).anyMatch(r -> id.equals(r.get("id")));

        // everything is in the incident's management log
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).extracting(l -> l.get("type")).contains("media.inquiry.filed", "media.inquiry.acknowledged",
                "media.inquiry.referred", "media.inquiry.answered", "notice.requested");
        assertThat(log).filteredOn(l -> "media.inquiry.filed".equals(l.get("type"))).last()
                .satisfies(l -> assertThat((String) l.get("text")).contains("reminder"));
    }

    @Test
    void anInquiryNoManagerAcknowledgesGoesToLeadershipAndNotBefore() {
        String late = file("agent4", "Late Night News " + UUID.randomUUID());
        String handled = file("agent4", "Morning Post " + UUID.randomUUID());
        api.post("manager", "/api/media/inquiries/" + handled + "/acknowledge", Map.of());

        clock.advance(Duration.ofMinutes(14));
        sweep.run();
        assertThat(journal.find(MediaEntries.escalationOf(UUID.fromString(late)))).isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        sweep.run();
        StoredEntry escalation = journal.find(MediaEntries.escalationOf(UUID.fromString(late))).orElseThrow();
        assertThat(escalation.payload()).containsEntry("audience", List.of("role:leadership"));
        assertThat(registerRow(late).get("escalatedAt")).isNotNull();
        assertThat(journal.find(MediaEntries.escalationOf(UUID.fromString(handled)))).isEmpty();
        sweep.run();
        assertThat(registerRow(late).get("escalatedAt")).isNotNull();
    }

    @Test
    void s8_3_onlyLeadershipDesignatesTheSpokespersonAndAChangeIsLogged() {
        String incident = mediaIncident();
        for (String user : List.of("agent1", "lead1", "manager", "spokesperson", "admin")) {
            assertThat(api.post(user, "/api/media/spokespersons", Map.of("incident", incident, "username", "spokesperson")).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(push("manager", "media.spokesperson.designated", UUID.fromString(incident), Map.of("username", "spokesperson")))
                .containsEntry("status", "refused");

        Api.Answer first = api.post("leader", "/api/media/spokespersons", Map.of("incident", incident, "username", "manager"));
        assertThat(first.status()).isEqualTo(201);
        Api.Answer second = api.post("leader", "/api/media/spokespersons", Map.of("incident", incident, "username", "spokesperson"));
        assertThat(second.body()).containsEntry("username", "spokesperson").containsEntry("previous", "manager")
                .containsEntry("current", true);
        assertThat(api.post("leader", "/api/media/spokespersons", Map.of("incident", incident, "username", "nobody")).status())
                .isEqualTo(400);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).filteredOn(l -> "media.spokesperson.designated".equals(l.get("type"))).last()
                .satisfies(l -> assertThat((String) l.get("text")).contains("spokesperson", "replacing manager"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void s8_3_onlyApprovedVersionsOfPublicStatementsReachAgentsAndOnlyLeadershipApproves() {
        String marker = UUID.randomUUID().toString();
        Api.Answer drafted = api.post("manager", "/api/media/statements",
                Map.of("audience", "public", "text", Map.of("en", "We are restoring service " + marker, "zh-CN", "我们正在恢复服务 " + marker)));
        assertThat(drafted.status()).isEqualTo(201);
        String statement = (String) drafted.get("id");
        assertThat(drafted.body()).containsEntry("state", "draft");

        // agents never read drafts, neither through the API nor through the journal
        assertThat(api.get("agent1", "/api/media/statements").status()).isEqualTo(403);
        assertThat(api.get("agent1", "/api/media/holding-lines?lang=en").body().toString()).doesNotContain(marker);
        assertThat(api.get("agent1", "/api/sync/pull?after=0&limit=1000").body().toString()).doesNotContain(marker);
        assertThat(api.post("agent1", "/api/media/statements", Map.of("audience", "public", "text", Map.of("en", "x"))).status())
                .isEqualTo(403);

        for (String user : List.of("agent1", "manager", "spokesperson", "admin")) {
            assertThat(api.post(user, "/api/media/statements/" + statement + "/versions/1/approve", Map.of()).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(push("manager", "media.statement.approved", null, Map.of("statement", statement, "version", 1)))
                .containsEntry("status", "refused");
        assertThat(api.get("agent1", "/api/media/holding-lines?lang=en").body().toString()).doesNotContain(marker);

        assertThat(api.post("leader", "/api/media/statements/" + statement + "/versions/1/review", Map.of("note", "fine")).body())
                .containsEntry("state", "reviewed");
        Api.Answer approved = api.post("leader", "/api/media/statements/" + statement + "/versions/1/approve", Map.of());
        assertThat(approved.body()).containsEntry("state", "approved").containsEntry("approvedVersion", 1);
        assertThat(api.post("leader", "/api/media/statements/" + statement + "/versions/1/approve", Map.of()).status()).isEqualTo(400);

        List<Map<String, Object>> lines = (List<Map<String, Object>>) api.get("agent1", "/api/media/holding-lines?lang=en").get("lines");
        assertThat(lines).filteredOn(l -> statement.equals(l.get("statement"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("version", 1).containsEntry("text", "We are restoring service " + marker));
        Map<String, Object> zh = api.get("agent1", "/api/media/holding-lines?lang=zh-CN").body();
        assertThat(zh.toString()).contains("我们正在恢复服务 " + marker);
        assertThat((String) zh.get("reminder")).contains("严禁");

        // a new version is a draft again: the approved one stays the line until the new one is approved
        Api.Answer v2 = api.post("spokesperson", "/api/media/statements",
                Map.of("statement", statement, "audience", "public", "text", Map.of("en", "Service is back " + marker)));
        assertThat(v2.body()).containsEntry("state", "draft").containsEntry("approvedVersion", 1);
        assertThat((List<?>) v2.get("versions")).hasSize(2);
        String agentView = api.get("agent1", "/api/media/holding-lines?lang=en").body().toString();
        assertThat(agentView).contains("We are restoring service " + marker).doesNotContain("Service is back " + marker);

        api.post("leader", "/api/media/statements/" + statement + "/versions/2/approve", Map.of());
        assertThat(api.get("agent1", "/api/media/holding-lines?lang=en").body().toString())
                .contains("Service is back " + marker).doesNotContain("We are restoring service " + marker);

        // an internal statement, approved, is still never read to the public
        String internal = (String) api.post("leader", "/api/media/statements",
                Map.of("audience", "internal", "text", Map.of("en", "Internal only " + marker))).get("id");
        api.post("leader", "/api/media/statements/" + internal + "/versions/1/approve", Map.of());
        assertThat(api.get("agent1", "/api/media/holding-lines?lang=en").body().toString()).doesNotContain("Internal only " + marker);
    }

    @Test
    void theRegisterExportsAsCsv() {
        String outlet = "Comma, \"Quoted\" Times " + UUID.randomUUID();
        file("agent5", outlet);
        for (String path : List.of("/api/media/inquiries.csv", "/api/media/inquiries")) {
            MutableHttpRequest<?> request = HttpRequest.GET(path).basicAuth("leader", "demo").header("Accept", "text/csv");
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
            String csv = response.body();
            assertThat(csv).contains("id,filedAt,filedBy,outlet,name,position,subject,contact,deadline")
                    .contains("\"" + outlet.replace("\"", "\"\"") + "\"");
        }
        try {
            client.toBlocking().exchange(HttpRequest.GET("/api/media/inquiries.csv").basicAuth("agent1", "demo"), String.class);
            throw new AssertionError("an agent read the register");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(403);
        }
    }
}
