package org.stormdesk.feedback;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.feedback.internal.ContactStream;
import org.stormdesk.feedback.internal.FeedbackEntries;
import org.stormdesk.feedback.internal.FeedbackSweep;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Website and product failures spotted in customer contacts (S6.1) and handed to the responsible department
 * (S6.2), through the HTTP API and the journal, on a real database. The detector first learns a normal day from a
 * generated stream of contacts; each test then makes its own phrase rise.
 */
public abstract class FeedbackContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    MutableClock clock;
    @Inject
    FeedbackSweep sweep;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        if (((Number) api.get("manager", "/api/feedback/live").get("contactsSeen")).longValue() == 0) {
            learnANormalDay();
        }
    }

    /**
     * A normal day of contacts (no problem in it), sent as the CRM would, in batches. It is the calendar day before the next
     * midnight in Shanghai (the stream's days start at midnight), and the server's clock moves on to that midnight: the day
     * learned, and the hour the rises come in, are the same whatever the hour the test runs at.
     */
    void learnANormalDay() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, shanghai).plusDays(1).atStartOfDay(shanghai).toInstant();
        clock.advance(Duration.between(now, midnight));
        ContactStream stream = new ContactStream(21, midnight.minus(Duration.ofDays(1)), 1, 1, 8, shanghai);
        List<Map<String, Object>> batch = new ArrayList<>();
        stream.forEach(List.of(), c -> {
            batch.add(contact(c.signal().at(), c.channel(), c.signal().reason(), c.signal().product(), c.signal().text()));
            if (batch.size() == 1000) {
                send(batch);
            }
        });
        send(batch);
    }

    private void send(List<Map<String, Object>> batch) {
        if (!batch.isEmpty()) {
            Api.Answer a = api.post("manager", "/api/feedback/contacts", Map.of("contacts", List.copyOf(batch)));
            assertThat(a.status()).isEqualTo(200);
            assertThat(((Number) a.get("refused")).intValue()).isZero();
            batch.clear();
        }
    }

    static Map<String, Object> contact(Instant at, String channel, String reason, String product, String text) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", at.toString());
        c.put("channel", channel);
        if (reason != null) {
            c.put("reason", reason);
        }
        if (product != null) {
            c.put("product", product);
        }
        c.put("region", "east");
        c.put("text", text);
        return c;
    }

    /** Customers start saying the same thing: {@code n} contacts over the last ten minutes. Answers the problem. */
    @SuppressWarnings("unchecked")
    Map<String, Object> rise(String product, String reason, String... said) {
        clock.advance(Duration.ofMinutes(15));
        Instant from = clock.instant().minus(Duration.ofMinutes(10));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(contact(from.plusSeconds(20L * i), "chat", reason, product, said[i % said.length]));
        }
        Api.Answer a = api.post("manager", "/api/feedback/contacts", Map.of("contacts", batch));
        assertThat(a.status()).isEqualTo(200);
        List<Map<String, Object>> results = (List<Map<String, Object>>) a.get("results");
        String problem = results.stream().map(r -> (String) r.get("problem")).filter(p -> p != null).findFirst().orElseThrow(
                () -> new AssertionError("no problem raised by " + List.of(said)));
        assertThat(results.stream().map(r -> r.get("problem")).filter(p -> p != null).distinct()).hasSize(1);
        return api.get("manager", "/api/feedback/problems/" + problem).body();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s6_1_bad_contacts_are_refused_one_by_one_and_the_good_ones_stored() {
        Instant now = clock.instant();
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(contact(now.minusSeconds(60), "phone", "BILLING", "app", "账单金额不对"));
        Map<String, Object> noTime = contact(now, "chat", "LOGIN", "app", "忘记密码");
        noTime.remove("time");
        batch.add(noTime);
        batch.add(contact(now.plus(Duration.ofDays(2)), "chat", "LOGIN", "app", "from the future"));
        batch.add(contact(now, "chat", "LOGIN", "app", "长".repeat(2001)));
        batch.add(contact(now, "fax", "LOGIN", "app", "unknown channel"));
        Map<String, Object> withId = contact(now.minusSeconds(30), "email", "REFUND", "web", "when will my refund arrive");
        String external = "crm-" + UUID.randomUUID();
        withId.put("id", external);
        batch.add(withId);
        batch.add(new LinkedHashMap<>(withId));

        Api.Answer a = api.post("manager", "/api/feedback/contacts", Map.of("contacts", batch));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).containsEntry("stored", 2).containsEntry("refused", 4).containsEntry("duplicates", 1);
        List<Map<String, Object>> r = (List<Map<String, Object>>) a.get("results");
        assertThat(r.get(0)).containsEntry("status", "stored");
        assertThat(r.get(1)).containsEntry("status", "refused").containsEntry("field", "time")
                .containsEntry("reason", "The contact has no time.");
        assertThat((String) r.get(2).get("reason")).contains("future");
        assertThat(r.get(3)).containsEntry("field", "text");
        assertThat((String) r.get(3).get("reason")).contains("2,000");
        assertThat(r.get(4)).containsEntry("field", "channel");
        assertThat(r.get(5)).containsEntry("status", "stored").containsEntry("externalId", external);
        assertThat(r.get(6)).containsEntry("status", "duplicate");

        // sent again, the contact with the CRM's id is already there; the reasons speak the caller's language
        Api.Answer again = api.post("manager", "/api/feedback/contacts", Map.of("contacts", List.of(withId, noTime)), "zh-CN");
        List<Map<String, Object>> r2 = (List<Map<String, Object>>) again.get("results");
        assertThat(r2.get(0)).containsEntry("status", "duplicate");
        assertThat(r2.get(1)).containsEntry("reason", "该记录没有时间。");
    }

    @Test
    @SuppressWarnings("unchecked")
    void s6_1_a_csv_import_answers_line_by_line() {
        Instant now = clock.instant();
        String csv = "time,channel,reason,product,region,text\n"
                + now.minusSeconds(20) + ",phone,BILLING,app,east,\"账单金额不对, 多扣了钱\"\n"
                + ",phone,BILLING,app,east,no time\n"
                + now.minusSeconds(10) + ",chat,REFUND,web,south,退款什么时候到账\n";
        Api.Answer a = api.send(HttpRequest.POST("/api/feedback/contacts/import", csv).contentType(MediaType.of("text/csv")),
                "admin", "en");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).containsEntry("stored", 2).containsEntry("refused", 1);
        Map<String, Object> refused = ((List<Map<String, Object>>) a.get("results")).get(1);
        assertThat(refused).containsEntry("line", 3).containsEntry("field", "time");

        Api.Answer noHeader = api.send(HttpRequest.POST("/api/feedback/contacts/import", "a,b\n1,2\n")
                .contentType(MediaType.of("text/csv")), "admin", "en");
        assertThat(noHeader.status()).isEqualTo(400);
        // agents do not feed the CRM's contacts in; people not signed in are told so
        assertThat(api.post("agent1", "/api/feedback/contacts", Map.of("contacts", List.of())).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/feedback/contacts", Map.of("contacts", List.of())).status()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void s6_1_and_s6_2_a_new_phrase_is_one_alert_routed_to_its_department_who_confirm_it_into_a_website_incident() {
        Api.Answer rule = api.post("admin", "/api/feedback/rules", Map.of("matchOn", "phrase", "pattern", "页面",
                "department", "dept-web", "roles", List.of("maintenance"), "answerMinutes", 20));
        assertThat(rule.status()).isEqualTo(201);
        assertThat(rule.body()).containsEntry("departmentName", "电子商务部 / Web team (E-commerce)");

        Map<String, Object> p = rise("web", "OTHER", "您好，你们的页面打不开了", "官网页面打不开，一直转圈", "页面打不开");
        assertThat(p).containsEntry("kind", "phrase").containsEntry("label", "页面打不开").containsEntry("state", "open")
                .containsEntry("department", "dept-web").containsEntry("product", "web");
        assertThat(((Number) p.get("contacts")).intValue()).isGreaterThan(15);
        assertThat(((Number) p.get("ratio")).doubleValue()).isGreaterThan(3);
        assertThat((List<Object>) p.get("samples")).hasSize(5);
        assertThat((List<String>) p.get("audience")).contains("contact:dept-web", "role:maintenance", "role:manager");
        assertThat(Instant.parse((String) p.get("firstSeen"))).isBefore(Instant.parse((String) p.get("raisedAt")));
        UUID id = UUID.fromString((String) p.get("id"));

        // routed at once, in the same transaction, to the department and the roles of the rule
        StoredEntry notice = journal.find(FeedbackEntries.noticeOf(id)).orElseThrow();
        assertThat(notice.payload().get("audience")).isEqualTo(List.of("contact:dept-web", "role:maintenance", "role:manager"));
        assertThat(((Map<String, String>) notice.payload().get("message")).get("en")).contains("页面打不开").contains("by ");

        // the live screen shows it against normal
        List<Map<String, Object>> keys = (List<Map<String, Object>>) api.get("it", "/api/feedback/live").get("keys");
        assertThat(keys).anySatisfy(k -> assertThat(k.get("label")).isEqualTo("页面打不开"));

        // agents do not answer for the department
        assertThat(api.post("agent1", "/api/feedback/problems/" + id + "/confirm", Map.of()).status()).isEqualTo(403);

        Api.Answer confirmed = api.post("it", "/api/feedback/problems/" + id + "/confirm", Map.of("note", "CDN node down"));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).containsEntry("state", "confirmed").containsEntry("answeredBy", "it");
        assertThat(((Number) confirmed.get("verifySeconds")).longValue()).isGreaterThanOrEqualTo(0);
        String incident = (String) confirmed.get("incident");
        Map<String, Object> inc = api.get("manager", "/api/incidents/" + incident).body();
        assertThat(inc).containsEntry("kind", "website");
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).anySatisfy(l -> assertThat((String) l.get("text")).contains("页面打不开").contains("CDN node down"));
        assertThat(log).anySatisfy(l -> assertThat(String.valueOf(l.get("text"))).contains("- 官网页面打不开"));

        // answered once
        assertThat(api.post("manager", "/api/feedback/problems/" + id + "/dismiss", Map.of("reason", "late")).status()).isEqualTo(400);
    }

    @Test
    void s6_2_a_problem_is_dismissed_only_with_a_reason_and_that_is_logged() {
        Map<String, Object> p = rise("app", "ACCOUNT", "我的积分清零了", "账户积分突然清零了", "积分清零了");
        String id = (String) p.get("id");
        assertThat(api.post("manager", "/api/feedback/problems/" + id + "/dismiss", Map.of()).status()).isEqualTo(400);
        Api.Answer d = api.post("manager", "/api/feedback/problems/" + id + "/dismiss", Map.of("reason", "积分活动按计划结束"));
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.body()).containsEntry("state", "dismissed").containsEntry("note", "积分活动按计划结束").containsEntry("answeredBy", "manager");
        assertThat(d.body().get("incident")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s6_2_unanswered_by_its_deadline_it_escalates_once() {
        Map<String, Object> p = rise("mini-program", "PRODUCT", "打开小程序就闪退", "小程序闪退好几次了", "小程序闪退");
        UUID id = UUID.fromString((String) p.get("id"));
        assertThat(p.get("department")).isNull(); // no rule: the managers have it
        sweep.run();
        assertThat(journal.find(FeedbackEntries.escalationOf(id))).isEmpty();
        clock.advance(Duration.ofMinutes(31));
        sweep.run();
        assertThat(sweep.run()).isZero();
        StoredEntry escalation = journal.find(FeedbackEntries.escalationOf(id)).orElseThrow();
        assertThat((List<String>) escalation.payload().get("audience")).contains("role:leadership", "role:manager");
        assertThat(api.get("manager", "/api/feedback/problems/" + id).get("escalatedAt")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s6_1_agents_flags_feed_the_detector_as_a_strong_signal_and_work_through_the_outbox() {
        Map<String, Object> empty = flag("agent2", " ");
        assertThat(empty).containsEntry("status", "refused");
        assertThat((String) empty.get("reason")).contains("customers");

        Map<String, Object> first = flag("agent2", "很多客户说优惠码失效了");
        assertThat(first).containsEntry("status", "stored");
        Map<String, Object> second = flag("agent3", "优惠码失效了");
        assertThat(second).containsEntry("status", "stored");
        Map<String, Object> problem = api.list("manager", "/api/feedback/problems?state=open").stream()
                .filter(x -> "优惠码失效了".equals(x.get("label"))).findFirst().orElseThrow();
        assertThat(((Number) problem.get("flags")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat((List<Map<String, Object>>) problem.get("samples")).anySatisfy(s -> assertThat(s).containsEntry("flag", true));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> flag(String user, String text) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", "feedback.flag.raised");
        entry.put("recordedAt", clock.instant().toString());
        entry.put("payload", Map.of("text", text));
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-test", "entries", List.of(entry)));
        assertThat(a.status()).isEqualTo(200);
        return ((List<Map<String, Object>>) a.get("results")).getFirst();
    }
}
