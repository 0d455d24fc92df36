package org.stormdesk.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;
import org.stormdesk.notify.internal.DeliverySweep;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications with real parts: an SMTP server (GreenMail), local HTTP receivers that check the webhook,
 * DingTalk and Feishu signatures themselves, the journal, and a clock the test moves instead of sleeping.
 */
abstract class NotificationsContract {

    static final String WEBHOOK_SECRET = "webhook-shared-secret";
    static final String DINGTALK_SECRET = "SECdingtalk0123456789";
    static final String FEISHU_SECRET = "feishu-secret";
    static final Pattern LINK = Pattern.compile("https://stormdesk\\.example(/api/notify/ack/[A-Za-z0-9_.-]+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static Receivers receivers;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    DeliverySweep sweep;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    MutableClock clock;
    @Inject
    JsonMapper json;

    Api api;
    UUID incident;
    String marker;

    @BeforeEach
    void setUp() throws Exception {
        if (receivers == null) {
            receivers = new Receivers();
        }
        receivers.reset();
        smtp.purgeEmailFromAllMailboxes();
        api = new Api(client);
        assertThat(putChannels(channels(smtp.getSmtp().getPort()))).isEqualTo(200);
        assertThat(api.send(HttpRequest.PUT("/api/notify/people/leader",
                Map.of("email", "leader@center.example", "phone", "13800000001", "language", "en")), "admin", "en").status())
                .isEqualTo(200);
        sendDue(); // whatever earlier tests left due
        receivers.reset();
        smtp.purgeEmailFromAllMailboxes();
        incident = UUID.fromString((String) api.post("agent1", "/api/reports",
                Map.of("clientId", UUID.randomUUID().toString(), "kind", "system")).get("incidentId"));
        marker = "M" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterAll
    static void stopReceivers() {
        if (receivers != null) {
            receivers.close();
            receivers = null;
        }
    }

    List<Map<String, Object>> channels(int smtpPort) {
        return List.of(
                Map.of("channel", "app", "enabled", true),
                Map.of("channel", "email", "enabled", true, "settings", Map.of("host", "127.0.0.1", "port", smtpPort,
                        "from", "stormdesk@center.example")),
                Map.of("channel", "sms", "enabled", true, "settings", Map.of("url", receivers.url("/sms?to={phone}"),
                        "body", "{\"phone\":\"{phone}\",\"content\":\"{text}\"}", "authorization", "Bearer sms-key")),
                Map.of("channel", "webhook", "enabled", true, "settings", Map.of("url", receivers.url("/webhook"),
                        "secret", WEBHOOK_SECRET)),
                Map.of("channel", "dingtalk", "enabled", true, "settings", Map.of("url",
                        receivers.url("/dingtalk?access_token=abc"), "secret", DINGTALK_SECRET)),
                Map.of("channel", "wecom", "enabled", true, "settings", Map.of("url", receivers.url("/wecom?key=k1"))),
                Map.of("channel", "feishu", "enabled", true, "settings", Map.of("url", receivers.url("/feishu"),
                        "secret", FEISHU_SECRET)),
                Map.of("channel", "slack", "enabled", true, "settings", Map.of("url", receivers.url("/slack"))));
    }

    /** An administrator saves channel settings (the answer is a list, so only its status is read here). */
    int putChannels(Object body) {
        MutableHttpRequest<?> request = HttpRequest.PUT("/api/notify/channels", body).basicAuth("admin", "demo");
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    UUID fire(List<String> audience) {
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = Map.of("timer", "escalate-leadership", "level", 1, "clause", "S2.7",
                "audience", audience, "ackWithin", "PT10M",
                "message", Map.of("zh-CN", "系统故障 60 分钟未解决 " + marker, "en", "System failure unresolved for 60 minutes " + marker,
                        "zh-TW", "系統故障 60 分鐘未解決 " + marker));
        PushResult stored = journal.recordAsServer(List.of(Entry.of(id, NoticeKinds.ESCALATION_FIRED, incident,
                clock.instant(), payload))).getFirst();
        assertThat(stored.status()).isEqualTo(PushResult.STORED);
        return id;
    }

    /** Sweeps until nothing due is left, waiting for every send to finish. */
    void sendDue() {
        for (int i = 0; i < 20; i++) {
            List<CompletableFuture<Void>> sending = sweep.sweep();
            if (sending.isEmpty()) {
                return;
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        }
    }

    Map<String, DeliveryRow> byChannel(UUID entry) {
        Map<String, DeliveryRow> out = new HashMap<>();
        for (DeliveryRow r : deliveries.findByIncidentIdOrderByCreatedAt(incident)) {
            if (r.entryId().equals(entry)) {
                out.put(r.channel() + "/" + r.recipient(), r);
            }
        }
        return out;
    }

    List<Receivers.Received> at(String path) {
        return receivers.at(path).stream().filter(r -> r.body().contains(marker)).toList();
    }

    Map<String, Object> read(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }

    static String hmacBase64(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data));
    }

    static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void anEscalationForLeadershipReachesTheLeaderByEmailInTheAppAndOnEveryChannel() throws Exception {
        UUID firing = fire(List.of("role:leadership"));
        Map<String, DeliveryRow> rows = byChannel(firing);
        assertThat(rows.keySet()).containsExactlyInAnyOrder("app/user:leader", "email/user:leader", "sms/user:leader",
                "webhook/group", "dingtalk/group", "wecom/group", "feishu/group", "slack/group");
        assertThat(rows.values()).allMatch(r -> r.state().equals("pending"));

        sendDue();

        assertThat(byChannel(firing).values()).allMatch(r -> r.state().equals("sent") && r.attempts() == 1);
        // email, in the leader's language, with the one-tap link
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("leader@center.example");
        assertThat(mails[0].getSubject()).isEqualTo("Stormdesk: System failure unresolved for 60 minutes " + marker);
        String mailBody = GreenMailUtil.getBody(mails[0]);
        assertThat(mailBody).contains("Acknowledge with one tap: https://stormdesk.example/api/notify/ack/");
        // in the app: the leader's inbox
        Map<String, Object> inbox = api.get("leader", "/api/notify/inbox").body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notices = (List<Map<String, Object>>) inbox.get("notices");
        Map<String, Object> notice = notices.stream().filter(n -> firing.toString().equals(n.get("firing"))).findFirst().orElseThrow();
        assertThat(notice.get("text")).isEqualTo("System failure unresolved for 60 minutes " + marker);
        assertThat(notice.get("read")).isEqualTo(false);
        long unread = ((Number) inbox.get("unread")).longValue();
        assertThat(((Number) api.post("leader", "/api/notify/inbox/" + notice.get("id") + "/read", Map.of()).get("unread")).longValue())
                .isEqualTo(unread - 1);
        assertThat(api.post("manager", "/api/notify/inbox/" + notice.get("id") + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(api.send(HttpRequest.GET("/api/notify/inbox"), "leader", "zh-CN").body().toString())
                .contains("系统故障 60 分钟未解决 " + marker);

        // webhook: JSON, signed over the exact body
        Receivers.Received hook = at("/webhook").getFirst();
        assertThat(hook.headers().get("x-stormdesk-signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(
                hmac(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), hook.bytes())));
        Map<String, Object> hookBody = read(hook.body());
        assertThat(hookBody).containsEntry("kind", "escalation.fired").containsEntry("incident", incident.toString())
                .containsEntry("recipient", "group");
        assertThat(hookBody.get("incidentUrl")).isEqualTo("https://stormdesk.example/#/incident/" + incident);
        // DingTalk: timestamp and sign in the query, sign = Base64(HmacSHA256(secret, timestamp + "\n" + secret))
        Receivers.Received ding = at("/dingtalk").getFirst();
        Map<String, String> q = query(ding.query());
        assertThat(q.get("access_token")).isEqualTo("abc");
        assertThat(q.get("sign")).isEqualTo(hmacBase64(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8),
                (q.get("timestamp") + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(Math.abs(Long.parseLong(q.get("timestamp")) - clock.millis())).isLessThan(60_000);
        assertThat(read(ding.body())).containsEntry("msgtype", "text");
        // Feishu: timestamp (seconds) and sign in the body, sign = Base64(HmacSHA256(key = timestamp + "\n" + secret, ""))
        Map<String, Object> feishu = read(at("/feishu").getFirst().body());
        assertThat(feishu.get("sign")).isEqualTo(hmacBase64((feishu.get("timestamp") + "\n" + FEISHU_SECRET)
                .getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(feishu).containsEntry("msg_type", "text");
        // WeCom and Slack
        assertThat(read(at("/wecom").getFirst().body())).containsEntry("msgtype", "text");
        assertThat(at("/wecom").getFirst().query()).isEqualTo("key=k1");
        assertThat((String) read(at("/slack").getFirst().body()).get("text")).contains(marker);
        // SMS gateway: the templates filled in, the phone in the URL, the key in a header
        Receivers.Received sms = at("/sms").getFirst();
        assertThat(sms.query()).isEqualTo("to=13800000001");
        assertThat(sms.headers().get("authorization")).isEqualTo("Bearer sms-key");
        assertThat(read(sms.body())).containsEntry("phone", "13800000001");
        assertThat((String) read(sms.body()).get("content")).contains(marker).contains("/api/notify/ack/");

        // the incident's log and its deliveries show each one
        List<Map<String, Object>> deliveryList = api.list("lead1", "/api/incidents/" + incident + "/deliveries");
        assertThat(deliveryList.stream().filter(d -> firing.toString().equals(d.get("entry")))).hasSize(8)
                .allMatch(d -> "sent".equals(d.get("state")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).extracting(l -> l.get("text")).contains("Notice delivered by email to leader.",
                "Notice delivered by DingTalk to the group.");
        assertThat(journal.verify(incident).valid()).isTrue();

        // replaying the journal sends nothing again
        journal.rebuildProjections();
        sendDue();
        assertThat(byChannel(firing)).hasSize(8);
        assertThat(at("/webhook")).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    String linkPath() {
        MimeMessage[] mails = smtp.getReceivedMessages();
        Matcher m = LINK.matcher(GreenMailUtil.getBody(mails[mails.length - 1]).replace("=\r\n", ""));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    HttpResponse<String> page(MutableHttpRequest<?> request, String language) {
        request.header("Accept-Language", language);
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    List<StoredEntry> acknowledgements(UUID firing) {
        return journal.incidentLog(incident).stream().filter(e -> e.kind().equals(NoticeKinds.ESCALATION_ACKNOWLEDGED)
                && firing.toString().equals(e.text("firing"))).toList();
    }

    @Test
    void theOneTapLinkAcknowledgesAsThePersonOnlyFromItsButtonAndOnlyOnce() {
        UUID firing = fire(List.of("user:leader"));
        sendDue();
        String path = linkPath();

        HttpResponse<String> shown = page(HttpRequest.GET(path), "en");
        assertThat(shown.code()).isEqualTo(200);
        assertThat(shown.body()).contains("System failure unresolved for 60 minutes " + marker)
                .contains("<form method=\"post\">").contains(">Acknowledge</button>");
        assertThat(page(HttpRequest.GET(path), "zh-TW").body()).contains("確認升級通知");
        assertThat(acknowledgements(firing)).isEmpty();

        HttpResponse<String> done = page(HttpRequest.POST(path, "").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), "en");
        assertThat(done.code()).isEqualTo(200);
        assertThat(done.body()).contains("Acknowledged.");
        List<StoredEntry> acks = acknowledgements(firing);
        assertThat(acks).hasSize(1);
        assertThat(acks.getFirst().actor()).isEqualTo("leader");
        assertThat(acks.getFirst().device()).isEqualTo("link");
        assertThat(acks.getFirst().incident()).isEqualTo(incident);

        HttpResponse<String> again = page(HttpRequest.POST(path, "").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), "en");
        assertThat(again.body()).contains("Already acknowledged");
        assertThat(acknowledgements(firing)).hasSize(1);

        String token = path.substring(path.lastIndexOf('/') + 1);
        String tampered = path.substring(0, path.lastIndexOf('/') + 1) + token.substring(0, 10)
                + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
        HttpResponse<String> bad = page(HttpRequest.POST(tampered, "").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), "zh-CN");
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body()).contains("此链接无效");

        clock.advance(Duration.ofHours(25));
        HttpResponse<String> late = page(HttpRequest.GET(path), "en");
        assertThat(late.code()).isEqualTo(410);
        assertThat(late.body()).contains("expired");
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aChannelThatIsDownOrSlowDelaysOnlyItsOwnDeliveriesAndLosesNothing() throws Exception {
        receivers.answer("/webhook", 500);
        List<Map<String, Object>> refusingSmtp = List.of(Map.of("channel", "email", "settings", Map.of("port", closedPort())));
        assertThat(putChannels(refusingSmtp)).isEqualTo(200);
        CountDownLatch slack = receivers.hold("/slack");

        UUID firing = fire(List.of("role:leadership"));
        Instant firstTry = clock.instant();
        List<CompletableFuture<Void>> sending = sweep.sweep();
        assertThat(sending).hasSize(8);
        // while Slack hangs, everything else is through or has failed, and waits its turn
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && byChannel(firing).values().stream()
                .filter(r -> !r.channel().equals("slack")).anyMatch(r -> r.attempts() == 0)) {
            Thread.sleep(50);
        }
        Map<String, DeliveryRow> rows = byChannel(firing);
        assertThat(rows.get("slack/group").attempts()).isZero();
        assertThat(receivers.at("/slack")).isEmpty();
        for (String sent : List.of("app/user:leader", "sms/user:leader", "dingtalk/group", "wecom/group", "feishu/group")) {
            assertThat(rows.get(sent).state()).as(sent).isEqualTo("sent");
        }
        DeliveryRow hook = rows.get("webhook/group");
        assertThat(hook.state()).isEqualTo("failed");
        assertThat(hook.lastError()).contains("HTTP 500");
        assertThat(hook.nextAttemptAt()).isBetween(firstTry.plusSeconds(5), clock.instant().plusSeconds(5));
        assertThat(rows.get("email/user:leader").state()).isEqualTo("failed");
        assertThat(rows.get("email/user:leader").lastError()).startsWith("SMTP");
        slack.countDown();
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        assertThat(byChannel(firing).get("slack/group").state()).isEqualTo("sent");

        // not due yet: nothing is tried again
        assertThat(sweep.sweep()).isEmpty();
        // the channels come back; five seconds later both are tried again and get through
        receivers.answer("/webhook", 200);
        assertThat(putChannels(List.of(Map.of("channel", "email", "settings", Map.of("port", smtp.getSmtp().getPort())))))
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(5));
        sendDue();
        rows = byChannel(firing);
        assertThat(rows.get("webhook/group").state()).isEqualTo("sent");
        assertThat(rows.get("webhook/group").attempts()).isEqualTo(2);
        assertThat(rows.get("email/user:leader").state()).isEqualTo("sent");
        assertThat(at("/webhook")).extracting(Receivers.Received::answered).containsExactly(500, 200);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String webhookDelivery = rows.get("webhook/group").id().toString();
        List<String> kinds = journal.incidentLog(incident).stream().filter(e -> e.kind().startsWith("notice.")
                && webhookDelivery.equals(e.text("delivery"))).map(StoredEntry::kind).toList();
        assertThat(kinds).containsExactly("notice.failed", "notice.delivered");
    }

    @Test
    void aDeliveryThatNeverGetsThroughIsGivenUpAfterTheLastAttempt() {
        receivers.answer("/webhook", 500);
        UUID firing = fire(List.of("user:leader"));
        sendDue();
        assertThat(byChannel(firing).get("webhook/group").state()).isEqualTo("failed");
        clock.advance(Duration.ofSeconds(5));
        sendDue();
        assertThat(byChannel(firing).get("webhook/group").attempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        sendDue();
        DeliveryRow row = byChannel(firing).get("webhook/group");
        assertThat(row.state()).isEqualTo("given_up");
        assertThat(row.attempts()).isEqualTo(3);
        clock.advance(Duration.ofHours(2));
        sendDue();
        assertThat(at("/webhook")).hasSize(3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).extracting(l -> (String) l.get("text"))
                .anyMatch(t -> t.startsWith("Notice by webhook to the group given up after attempt 3: HTTP 500"));
    }

    @Test
    void twoSweepsAtOnceSendEachDeliveryExactlyOnce() throws Exception {
        List<UUID> firings = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            firings.add(fire(List.of("user:leader")));
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sweeps = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            sweeps.add(two.submit(() -> {
                start.await();
                for (int round = 0; round < 30; round++) {
                    CompletableFuture.allOf(sweep.sweep().toArray(CompletableFuture[]::new)).join();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : sweeps) {
            f.get();
        }
        two.shutdown();
        for (UUID firing : firings) {
            assertThat(byChannel(firing).values()).allMatch(r -> r.state().equals("sent") && r.attempts() == 1);
        }
        List<String> hooks = at("/webhook").stream().map(r -> r.headers().get("x-stormdesk-delivery")).toList();
        assertThat(hooks).hasSize(15).doesNotHaveDuplicates();
        assertThat(smtp.getReceivedMessages()).hasSize(15);
        assertThat(at("/dingtalk")).hasSize(15);
    }

    @Test
    void aSeriousIncidentTellsTheManagersInTheApp() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notices = (List<Map<String, Object>>) api.get("manager", "/api/notify/inbox").get("notices");
        assertThat(notices).anyMatch(n -> incident.toString().equals(n.get("incident"))
                && "Incident opened: System failure, severity high.".equals(n.get("text")));
    }

    @Test
    void peopleWithTheRightRolesRequestNoticesFromTheirDevices() {
        Map<String, Object> notice = Map.of("id", UUID.randomUUID().toString(), "kind", "notice.requested",
                "incident", incident.toString(), "recordedAt", clock.instant().toString(),
                "payload", Map.of("audience", List.of("user:it"), "message", Map.of("en", "Please check the CRM " + marker),
                        "reason", "S2.1"));
        Map<String, Object> byAgent = new HashMap<>(notice);
        byAgent.put("id", UUID.randomUUID().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> refused = (List<Map<String, Object>>) api.post("agent1", "/api/sync/push",
                Map.of("device", "pwa-1", "entries", List.of(byAgent))).get("results");
        assertThat(refused.getFirst().get("status")).isEqualTo("refused");
        assertThat(refused.getFirst().get("reason")).isEqualTo("Your role may not send notices.");
        Map<String, Object> badAudience = new HashMap<>(notice);
        badAudience.put("id", UUID.randomUUID().toString());
        badAudience.put("payload", Map.of("audience", List.of("everyone"), "message", Map.of("en", "x")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) api.post("manager", "/api/sync/push",
                Map.of("device", "pwa-2", "entries", List.of(notice, badAudience))).get("results");
        assertThat(results).extracting(r -> r.get("status")).containsExactly("stored", "refused");

        sendDue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inbox = (List<Map<String, Object>>) api.get("it", "/api/notify/inbox").get("notices");
        assertThat(inbox).anyMatch(n -> ("Please check the CRM " + marker).equals(n.get("text")));
        assertThat(at("/slack")).hasSize(1);
    }

    @Test
    void channelSettingsAreForAdministratorsValidatedAndKeepTheirSecrets() {
        Api.Answer asManager = api.get("manager", "/api/notify/channels");
        assertThat(asManager.status()).isEqualTo(403);
        assertThat(asManager.errorContentType()).isEqualTo("application/problem+json");
        assertThat(api.send(HttpRequest.PUT("/api/notify/channels", List.of()), "leader", "en").status()).isEqualTo(403);
        List<Map<String, Object>> shown = api.list("admin", "/api/notify/channels");
        assertThat(shown).hasSize(9);
        Map<String, Object> webhook = shown.stream().filter(c -> "webhook".equals(c.get("channel"))).findFirst().orElseThrow();
        assertThat(webhook.get("secrets")).isEqualTo(Map.of("secret", true));
        assertThat(shown.toString()).doesNotContain(WEBHOOK_SECRET).doesNotContain(DINGTALK_SECRET).doesNotContain("sms-key");

        Api.Answer bad = api.send(HttpRequest.PUT("/api/notify/channels", List.of(
                Map.of("channel", "webhook", "enabled", true, "settings", Map.of("url", "ftp://example.com/x")),
                Map.of("channel", "pigeon", "enabled", true),
                Map.of("channel", "email", "enabled", true, "settings", Map.of("from", "nobody", "colour", "red")),
                Map.of("channel", "sms", "enabled", true, "settings", Map.of("url", receivers.url("/sms"), "body", "{}")))),
                "admin", "en");
        assertThat(bad.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) bad.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("webhook.url", "[1].channel", "email.colour",
                "email.from", "sms.body");
        assertThat(errors.getFirst().get("message")).isEqualTo("Give a full http:// or https:// address.");
        // nothing half-written: the webhook still points at the receiver, its secret still set
        assertThat(api.list("admin", "/api/notify/channels").toString()).contains(receivers.url("/webhook"));

        // a secret left out is kept; an empty one is removed
        assertThat(putChannels(List.of(Map.of("channel", "webhook", "settings", Map.of("url", receivers.url("/webhook"))))))
                .isEqualTo(200);
        assertThat(secretsOf("webhook")).isEqualTo(Map.of("secret", true));
        assertThat(putChannels(List.of(Map.of("channel", "webhook", "settings", Map.of("secret", ""))))).isEqualTo(200);
        assertThat(secretsOf("webhook")).isEqualTo(Map.of("secret", false));
    }

    Object secretsOf(String channel) {
        return api.list("admin", "/api/notify/channels").stream().filter(c -> channel.equals(c.get("channel")))
                .findFirst().orElseThrow().get("secrets");
    }

    @Test
    void anAdministratorSendsATestMessageAndReadsTheOutcome() {
        assertThat(api.post("manager", "/api/notify/channels/slack/test", Map.of()).status()).isEqualTo(403);
        Api.Answer slack = api.post("admin", "/api/notify/channels/slack/test", Map.of());
        assertThat(slack.body()).containsEntry("ok", true);
        assertThat(receivers.at("/slack").getFirst().body()).contains("Test message from Stormdesk");
        receivers.answer("/webhook", 500);
        Api.Answer hook = api.post("admin", "/api/notify/channels/webhook/test", Map.of());
        assertThat(hook.body()).containsEntry("ok", false);
        assertThat((String) hook.get("error")).contains("HTTP 500");
        assertThat(api.post("admin", "/api/notify/channels/email/test", Map.of("to", "ops@center.example")).body())
                .containsEntry("ok", true);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(api.post("admin", "/api/notify/channels/pigeon/test", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void deliveriesInboxAndAddressesFollowTheRoles() {
        assertThat(api.get("agent1", "/api/incidents/" + incident + "/deliveries").status()).isEqualTo(403);
        assertThat(api.get("spokesperson", "/api/incidents/" + incident + "/deliveries").status()).isEqualTo(403);
        assertThat(api.list("leader", "/api/incidents/" + incident + "/deliveries")).isNotEmpty();
        assertThat(api.get("manager", "/api/incidents/" + UUID.randomUUID() + "/deliveries").status()).isEqualTo(404);
        assertThat(api.send(HttpRequest.GET("/api/notify/inbox"), null, "en").status()).isEqualTo(401);
        assertThat(api.get("manager", "/api/notify/people/leader").status()).isEqualTo(403);
        assertThat(api.send(HttpRequest.PUT("/api/notify/people/leader", Map.of("email", "x@y.z")), "manager", "en").status())
                .isEqualTo(403);
        assertThat(api.get("leader", "/api/notify/people/leader").body()).containsEntry("email", "leader@center.example");
        Api.Answer bad = api.send(HttpRequest.PUT("/api/notify/people/agent2", Map.of("email", "not-mail", "phone", "call me",
                "language", "fr")), "agent2", "en");
        assertThat(bad.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) bad.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("email", "phone", "language");
        assertThat(api.send(HttpRequest.PUT("/api/notify/people/agent2", Map.of("phone", "+86 138 0000 0002")), "agent2", "en")
                .status()).isEqualTo(200);
    }
}
