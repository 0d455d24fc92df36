package org.stormdesk.capture;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.capture.internal.CrmWebhook;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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

    @Inject
    MutableClock clock;
    @Inject
    CrmWebhook webhook;

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

    /** The ids of the customer.captured entries a person can pull from the journal. */
    @SuppressWarnings("unchecked")
    List<String> pulledCaptures(String user) {
        List<String> ids = new java.util.ArrayList<>();
        long cursor = 0;
        boolean more = true;
        while (more) {
            Map<String, Object> page = api.get(user, "/api/sync/pull?limit=1000&after=" + cursor).body();
            for (Map<String, Object> e : (List<Map<String, Object>>) page.get("entries")) {
                if ("customer.captured".equals(e.get("kind"))) {
                    ids.add((String) e.get("id"));
                }
            }
            cursor = ((Number) page.get("next")).longValue();
            more = Boolean.TRUE.equals(page.get("hasMore"));
        }
        return ids;
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

        // the journal itself does not hand the name and number to others: only the author and admins pull them
        assertThat(pulledCaptures("manager")).doesNotContain(id);
        assertThat(pulledCaptures("agent5")).doesNotContain(id);
        assertThat(pulledCaptures("agent4")).contains(id);
        assertThat(pulledCaptures("admin")).contains(id);
        assertThat(api.get("leader", "/api/capture/counts?incident=" + incident).status()).isEqualTo(200);

        assertThat(api.get("manager", "/api/capture/records/" + id).body()).containsEntry("phone", "139 1234 5678");
        assertThat(api.get("agent4", "/api/capture/records/" + id).status()).isEqualTo(200);
        List<Map<String, Object>> views = api.list("admin", "/api/capture/views?record=" + id);
        assertThat(views).singleElement().satisfies(v -> assertThat(v).containsEntry("viewer", "manager")
                .containsEntry("what", "record"));
        assertThat(api.get("manager", "/api/capture/views").status()).isEqualTo(403);
    }

    byte[] download(String user, String path) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        request.basicAuth(user, "demo");
        return client.toBlocking().exchange(request, byte[].class).body();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> upload(String user, byte[] body, String contentType) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/api/capture/import", body).contentType(contentType);
        Api.Answer a = api.send(request, user, "en");
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    List<String> pushThree(String user, UUID incident) {
        List<Map<String, Object>> batch = List.of(
                entry(incident, captured("Export One", "13700000001")),
                entry(incident, captured("Export Two", "13700000002")),
                entry(incident, captured("Export Three", "+44 20 7946 0958")));
        assertThat(push(user, batch, "en")).extracting(r -> r.get("status")).containsOnly("stored");
        return batch.stream().map(e -> (String) e.get("id")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s2_5_outstandingRecordsExportAsCsvAndExcelAndCrmReferencesComeBackRowByRow() throws Exception {
        UUID incident = systemIncident();
        List<String> ids = pushThree("agent6", incident);

        String csv = new String(download("manager", "/api/capture/outstanding.csv?incident=" + incident), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFrecord_id,incident_id,captured_at");
        Map<String, String> phones = new HashMap<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)))) {
            for (CSVRecord r : parser) {
                phones.put(r.get("record_id"), r.get("phone"));
            }
        }
        assertThat(phones).containsEntry(ids.get(0), "+8613700000001").containsEntry(ids.get(2), "+442079460958");

        byte[] xlsx = download("manager", "/api/capture/outstanding.xlsx?incident=" + incident);
        List<String> inWorkbook = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getFirstSheet().openStream().forEach(row -> inWorkbook.add(row.getCellText(0)));
        }
        assertThat(inWorkbook.getFirst()).isEqualTo("record_id");
        assertThat(inWorkbook).containsAll(ids);
        // exporting in full is audited
        assertThat(api.list("admin", "/api/capture/views?record=" + ids.get(1))).anySatisfy(v ->
                assertThat(v).containsEntry("viewer", "manager").containsEntry("what", "export"));

        String unknown = UUID.randomUUID().toString();
        String back = "record_id,crm_reference,reject_reason\n"
                + ids.get(0) + ",CRM-7001,\n"
                + ids.get(1) + ",,Customer reached us by e-mail instead\n"
                + "not-a-record,CRM-1,\n"
                + unknown + ",CRM-2,\n"
                + ids.get(2) + ",,\n";
        Map<String, Object> result = upload("manager", back.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(result).containsEntry("backfilled", 1).containsEntry("rejected", 1).containsEntry("errors", 3);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("rows");
        assertThat(rows).extracting(r -> r.get("row")).containsExactly(2, 3, 4, 5, 6);
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("backfilled", "rejected", "error", "error", "error");
        assertThat((String) rows.get(2).get("message")).contains("record_id");
        assertThat((String) rows.get(3).get("message")).contains("no such captured customer");
        assertThat((String) rows.get(4).get("message")).contains("Neither crm_reference nor reject_reason");

        // the same file again changes nothing
        Map<String, Object> again = upload("manager", back.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat((List<Map<String, Object>>) again.get("rows")).extracting(r -> r.get("status"))
                .containsExactly("duplicate", "duplicate", "error", "error", "error");

        // the third comes back in an Excel workbook
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet sheet = wb.newWorksheet("refs");
        sheet.value(0, 0, "record_id");
        sheet.value(0, 1, "crm_reference");
        sheet.value(1, 0, ids.get(2));
        sheet.value(1, 1, "CRM-7003");
        wb.finish();
        Map<String, Object> fromExcel = upload("lead1", out.toByteArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(fromExcel).containsEntry("backfilled", 1).containsEntry("errors", 0);

        assertThat(api.get("manager", "/api/capture/records/" + ids.get(0)).body()).containsEntry("state", "backfilled")
                .containsEntry("crmReference", "CRM-7001").containsEntry("backfilledBy", "manager");
        assertThat(api.get("manager", "/api/capture/records/" + ids.get(1)).body()).containsEntry("state", "rejected");
        assertThat(api.get("manager", "/api/capture/records/" + ids.get(2)).body()).containsEntry("crmReference", "CRM-7003");
        assertThat(api.get("agent6", "/api/capture/outstanding.csv").status()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void s2_5_theCrmWebhookPostsEachNewRecordSignedRetriesWithBackoffAndRecordsTheReference() throws Exception {
        try (CrmReceiver crm = new CrmReceiver()) {
            Api.Answer saved = api.send(HttpRequest.PUT("/api/capture/settings",
                    Map.of("webhookUrl", crm.url(), "webhookSecret", "s3cret-for-the-crm", "retentionDays", 90)), "admin", "en");
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.body()).containsEntry("webhookSecretSet", true).doesNotContainKey("webhookSecret");
            assertThat(api.send(HttpRequest.PUT("/api/capture/settings", Map.of("webhookUrl", "ftp://x", "retentionDays", 90)),
                    "admin", "en").status()).isEqualTo(400);
            assertThat(api.send(HttpRequest.PUT("/api/capture/settings", Map.of("retentionDays", 90)), "manager", "en").status())
                    .isEqualTo(403);
            try {
                Map<String, Object> e = entry(null, captured("Hook Person", "13600000009"));
                assertThat(push("agent2", List.of(e), "en").getFirst().get("status")).isEqualTo("stored");
                String id = (String) e.get("id");

                crm.answer(503, "{\"error\":\"busy\"}");
                webhook.run();
                assertThat(crm.received).hasSize(1);
                assertThat(api.get("manager", "/api/capture/records/" + id).body()).containsEntry("state", "captured");
                webhook.run();
                assertThat(crm.received).as("not again before the backoff").hasSize(1);

                clock.advance(Duration.ofSeconds(6));
                crm.answer(200, "{\"reference\":\"CRM-W-42\"}");
                webhook.run();
                assertThat(crm.received).hasSize(2);
                CrmReceiver.Received post = crm.received.get(1);
                assertThat(post.signature()).isEqualTo(CrmWebhook.sign("s3cret-for-the-crm", post.raw()));
                assertThat(post.body()).contains("\"phone\":\"+8613600000009\"").contains("\"recordId\":\"" + id + "\"");
                assertThat(api.get("manager", "/api/capture/records/" + id).body()).containsEntry("state", "backfilled")
                        .containsEntry("crmReference", "CRM-W-42").containsEntry("backfilledBy", "system");

                webhook.run();
                assertThat(crm.received).as("posted once it is taken").hasSize(2);
            } finally {
                api.send(HttpRequest.PUT("/api/capture/settings", Map.of("webhookUrl", "", "retentionDays", 90)), "admin", "en");
            }
        }
    }

    @Test
    void s2_5_capturedRecordsArePurgedAfterTheRetentionPeriodAndEachPurgeIsCounted() {
        assertThat(api.send(HttpRequest.PUT("/api/capture/settings", Map.of("retentionDays", 1)), "admin", "en").status()).isEqualTo(200);
        try {
            Map<String, Object> e = entry(null, captured("Old Record", "13500000001"));
            assertThat(push("agent1", List.of(e), "en").getFirst().get("status")).isEqualTo("stored");
            String id = (String) e.get("id");
            assertThat(api.post("agent1", "/api/capture/purge", Map.of()).status()).isEqualTo(403);
            Api.Answer early = api.post("admin", "/api/capture/purge", Map.of());
            assertThat(api.get("manager", "/api/capture/records/" + id).status()).isEqualTo(200);

            clock.advance(Duration.ofDays(2));
            Api.Answer purged = api.post("admin", "/api/capture/purge", Map.of());
            assertThat(purged.status()).isEqualTo(200);
            assertThat(((Number) purged.get("purged")).intValue()).isGreaterThanOrEqualTo(1);
            assertThat(api.get("manager", "/api/capture/records/" + id).status()).isEqualTo(404);
            assertThat(api.list("admin", "/api/capture/purges")).first().satisfies(p ->
                    assertThat(((Number) p.get("purged")).intValue()).isEqualTo(((Number) purged.get("purged")).intValue()));
            assertThat(early.status()).isEqualTo(200);

            // a rebuild of the projections replays the purge: the record stays gone
            journal.rebuildProjections();
            assertThat(api.get("manager", "/api/capture/records/" + id).status()).isEqualTo(404);
        } finally {
            api.send(HttpRequest.PUT("/api/capture/settings", Map.of("retentionDays", 90)), "admin", "en");
        }
    }
}
