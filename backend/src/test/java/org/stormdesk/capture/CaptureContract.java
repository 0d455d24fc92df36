package org.stormdesk.capture;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.support.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manual customer capture (S2.5, with S2.1/S2.2 as the system failure it happens in): captured customers are
 * journal entries, judged one by one, stored once however often resent, listed per incident with their counts,
 * back-filled into the CRM or rejected, with phone numbers masked for those who do not need them.
 */
public abstract class CaptureContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    static Map<String, Object> captured(String name, String phone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("phone", phone);
        p.put("accountId", "AC-" + Math.abs(name.hashCode()));
        p.put("matter", "Charged twice for November");
        p.put("category", "billing");
        p.put("callbackPromised", true);
        p.put("callbackDueAt", Instant.now().plus(Duration.ofHours(3)).toString());
        p.put("source", "panel");
        return p;
    }

    static Map<String, Object> entry(UUID incident, Map<String, Object> payload) {
        Map<String, Object> p = new LinkedHashMap<>(payload);
        if (incident != null) {
            p.put("incidentId", incident.toString());
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.randomUUID().toString());
        e.put("kind", "customer.captured");
        e.put("recordedAt", Instant.now().toString());
        e.put("payload", p);
        return e;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> push(String user, List<Map<String, Object>> entries, String language) {
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-" + user, "entries", entries), language);
        assertThat(a.status()).isEqualTo(200);
        return (List<Map<String, Object>>) a.get("results");
    }

    UUID systemIncident() {
        Api.Answer a = api.post("agent2", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "system"));
        assertThat(a.status()).isIn(200, 201);
        return UUID.fromString((String) a.get("incidentId"));
    }

    Map<String, Object> counts(UUID incident) {
        Api.Answer a = api.get("manager", "/api/capture/counts?incident=" + incident);
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    static List<Object> ids(List<Map<String, Object>> records) {
        return records.stream().map(r -> r.get("id")).toList();
    }

    static long n(Map<String, Object> counts, String field) {
        return ((Number) counts.get(field)).longValue();
    }

    @Test
    void s2_5_aBatchIsJudgedRecordByRecordBadOnesRefusedAloneWithLocalizedReasonsAndResendsStoredOnce() {
        UUID incident = systemIncident();
        Map<String, Object> before = counts(incident);
        Map<String, Object> noName = captured("x", "13800138001");
        noName.remove("name");
        Map<String, Object> badPhone = captured("Zhao Lei", "12345");
        Map<String, Object> oversized = captured("Sun Li", "13800138002");
        oversized.put("matter", "m".repeat(CaptureRules.MAX_MATTER + 1));
        Map<String, Object> badCategory = captured("Qian Yu", "13800138003");
        badCategory.put("category", "weather");
        Map<String, Object> pastDue = captured("Zhou Min", "13800138004");
        pastDue.put("callbackDueAt", Instant.now().minus(Duration.ofDays(2)).toString());

        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(entry(incident, captured("王芳", "13800138000")));
        batch.add(entry(incident, noName));
        batch.add(entry(incident, captured("Li Wei", "+44 20 7946 0958")));
        batch.add(entry(incident, badPhone));
        batch.add(entry(incident, oversized));
        batch.add(entry(incident, badCategory));
        batch.add(entry(incident, pastDue));
        batch.add(entry(incident, captured("Chen Jie", "021 5555 0100")));

        List<Map<String, Object>> results = push("agent1", batch, "en");
        assertThat(results).extracting(r -> r.get("status")).containsExactly(
                "stored", "refused", "stored", "refused", "refused", "refused", "refused", "stored");
        assertThat(results.get(1).get("reason")).isEqualTo("The customer's name is required.");
        assertThat((String) results.get(3).get("reason")).startsWith("\"12345\" is not a phone number");
        assertThat((String) results.get(4).get("reason")).contains("at most 2000 characters");
        assertThat((String) results.get(5).get("reason")).startsWith("Choose a category: billing, fault");
        assertThat((String) results.get(6).get("reason")).contains("after the call");

        // in Chinese, for a Chinese-speaking agent
        List<Map<String, Object>> zh = push("agent1", List.of(entry(incident, badPhone)), "zh-CN");
        assertThat((String) zh.getFirst().get("reason")).contains("不是有效的电话号码");
        List<Map<String, Object>> tw = push("agent1", List.of(entry(incident, noName)), "zh-TW");
        assertThat((String) tw.getFirst().get("reason")).isEqualTo("請填寫客戶姓名。");

        // resend the whole batch: the stored ones are duplicates (same seq), the refused ones refused again
        List<Map<String, Object>> again = push("agent1", batch, "en");
        assertThat(again).extracting(r -> r.get("status")).containsExactly(
                "duplicate", "refused", "duplicate", "refused", "refused", "refused", "refused", "duplicate");
        assertThat(again.getFirst().get("seq")).isEqualTo(results.getFirst().get("seq"));

        List<Object> stored = List.of(batch.get(0).get("id"), batch.get(2).get("id"), batch.get(7).get("id"));
        List<Map<String, Object>> listed = api.list("manager", "/api/capture/records?incident=" + incident).stream()
                .filter(r -> stored.contains(r.get("id"))).toList();
        assertThat(ids(listed)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(listed).extracting(r -> r.get("state")).containsOnly("captured");
        Map<String, Object> after = counts(incident);
        assertThat(n(after, "captured") - n(before, "captured")).isEqualTo(3);
        assertThat(n(after, "outstanding") - n(before, "outstanding")).isEqualTo(3);
        assertThat(n(after, "backfilled") - n(before, "backfilled")).isZero();
        assertThat(n(after, "rejected") - n(before, "rejected")).isZero();
    }

    @Test
    void s2_5_backFilledAndRejectedRecordsAreCountedPerIncident() {
        UUID incident = systemIncident();
        Map<String, Object> before = counts(incident);
        List<Map<String, Object>> batch = List.of(
                entry(incident, captured("A", "13800138010")),
                entry(incident, captured("B", "13800138011")),
                entry(incident, captured("C", "13800138012")));
        List<Map<String, Object>> results = push("agent3", batch, "en");
        assertThat(results).extracting(r -> r.get("status")).containsOnly("stored");
        String first = (String) batch.get(0).get("id");
        String second = (String) batch.get(1).get("id");

        Api.Answer filled = api.post("manager", "/api/capture/records/" + first + "/backfill", Map.of("crmReference", "CRM-1001"));
        assertThat(filled.status()).isEqualTo(201);
        Api.Answer rejected = api.post("lead1", "/api/capture/records/" + second + "/reject", Map.of("reason", "Customer withdrew"));
        assertThat(rejected.status()).isEqualTo(201);
        Map<String, Object> after = counts(incident);
        assertThat(n(after, "captured") - n(before, "captured")).isEqualTo(3);
        assertThat(n(after, "backfilled") - n(before, "backfilled")).isEqualTo(1);
        assertThat(n(after, "outstanding") - n(before, "outstanding")).isEqualTo(1);
        assertThat(n(after, "rejected") - n(before, "rejected")).isEqualTo(1);

        // a second back-fill is refused with the reference already there; an agent may not back-fill
        Api.Answer twice = api.post("manager", "/api/capture/records/" + first + "/backfill", Map.of("crmReference", "CRM-2"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat((String) twice.get("detail")).contains("CRM-1001");
        assertThat(api.post("agent3", "/api/capture/records/" + first + "/backfill", Map.of("crmReference", "X")).status()).isEqualTo(403);

        Map<String, Object> record = api.get("manager", "/api/capture/records/" + first).body();
        assertThat(record).containsEntry("state", "backfilled").containsEntry("crmReference", "CRM-1001")
                .containsEntry("backfilledBy", "manager");
        // the incident's management log says it, without the customer's number
        List<Map<String, Object>> log = logOf(incident);
        assertThat(log).anySatisfy(l -> assertThat((String) l.get("text")).contains("captured a customer by hand"));
        assertThat(log).noneSatisfy(l -> assertThat((String) l.get("text")).contains("138"));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> logOf(UUID incident) {
        return (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
    }

    @Test
    void recordsOfAnUnknownIncidentOrFromAnotherRoleAreRefused() {
        List<Map<String, Object>> r = push("agent1", List.of(entry(UUID.randomUUID(), captured("D", "13800138020"))), "en");
        assertThat(r.getFirst().get("status")).isEqualTo("refused");
        List<Map<String, Object>> m = push("leader", List.of(entry(null, captured("E", "13800138021"))), "en");
        assertThat(m.getFirst()).containsEntry("status", "refused").containsEntry("reason", "Your role does not capture customers.");
        List<Map<String, Object>> ok = push("agent1", List.of(entry(null, captured("F", "13800138022"))), "en");
        assertThat(ok.getFirst().get("status")).isEqualTo("stored");
    }

    @Test
    void s2_5_agentsSeeTheirOwnRecordsInFullOthersSeeNumbersMaskedAndFullViewsAreAudited() {
        UUID incident = systemIncident();
        Map<String, Object> e = entry(incident, captured("Masked Person", "13912345678"));
        assertThat(push("agent4", List.of(e), "en").getFirst().get("status")).isEqualTo("stored");
        String id = (String) e.get("id");

        List<Map<String, Object>> own = api.list("agent4", "/api/capture/records?incident=" + incident);
        assertThat(own).extracting(r -> r.get("capturedBy")).containsOnly("agent4");
        assertThat(own.stream().filter(r -> id.equals(r.get("id")))).singleElement().satisfies(r -> assertThat(r).containsEntry("phone", "139 1234 5678")
                .containsEntry("masked", false));
        assertThat(api.list("agent5", "/api/capture/records?incident=" + incident)).extracting(r -> r.get("id")).doesNotContain(id);
        assertThat(api.get("agent5", "/api/capture/records/" + id).status()).isEqualTo(403);

        List<Map<String, Object>> managers = api.list("manager", "/api/capture/records?incident=" + incident);
        assertThat(managers.stream().filter(r -> id.equals(r.get("id")))).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("phone", "+861********78").containsEntry("masked", true);
            assertThat((String) r.get("accountId")).startsWith("*");
        });
        assertThat(api.get("leader", "/api/capture/records?incident=" + incident).status()).isEqualTo(403);
        assertThat(api.get("leader", "/api/capture/counts?incident=" + incident).status()).isEqualTo(200);

        assertThat(api.get("manager", "/api/capture/records/" + id).body()).containsEntry("phone", "139 1234 5678");
        assertThat(api.get("agent4", "/api/capture/records/" + id).status()).isEqualTo(200);
        List<Map<String, Object>> views = api.list("admin", "/api/capture/views?record=" + id);
        assertThat(views).singleElement().satisfies(v -> assertThat(v).containsEntry("viewer", "manager")
                .containsEntry("what", "record"));
        assertThat(api.get("manager", "/api/capture/views").status()).isEqualTo(403);
    }
}
