package org.stormdesk.diversion;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.Api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S7.2: the manager switches approved IVR messages, call scripts and chat auto-replies on for a surge incident; the
 * platforms read what is live (with an ETag, 304 when unchanged) and get every change pushed to their webhook (a real
 * HTTP server here); resolving the incident switches them off.
 */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@Property(name = "stormdesk.traffic.simulator.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiversionTest implements TestPropertyProvider {

    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    static HttpServer receiver;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        receiver.createContext("/hook", exchange -> {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return Map.of("stormdesk.diversion.webhooks", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    /** The next push about a channel, skipping pushes about the others. */
    static String nextPush(String channel) throws InterruptedException {
        while (true) {
            String body = RECEIVED.poll(20, TimeUnit.SECONDS);
            assertThat(body).as("a webhook push about " + channel).isNotNull();
            if (body.contains("\"channel\":\"" + channel + "\"")) {
                return body;
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void s7_2_approvedMessagesGoLiveForTheIncidentAndOffWhenItIsResolved() throws Exception {
        Api api = new Api(client);
        String incident = (String) api.post("agent2", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "surge"))
                .get("incidentId");
        String title = "Long waits " + UUID.randomUUID();
        Api.Answer added = api.post("manager", "/api/diversion/messages", Map.of("channel", "ivr", "title", title, "approved", true,
                "texts", Map.of("zh-CN", "来电较多，请稍候。", "en", "We are busy; please hold.", "zh-TW", "來電較多，請稍候。")));
        assertThat(added.status()).isEqualTo(201);
        String message = (String) added.get("id");
        Api.Answer draft = api.post("manager", "/api/diversion/messages", Map.of("channel", "chat", "title", "Draft",
                "texts", Map.of("en", "Not approved yet")));
        String draftId = (String) draft.get("id");

        // only approved messages, only by a manager
        assertThat(api.post("manager", "/api/diversion/messages/" + draftId + "/activate", Map.of("incident", incident)).status())
                .isEqualTo(400);
        assertThat(api.post("agent1", "/api/diversion/messages/" + message + "/activate", Map.of("incident", incident)).status())
                .isEqualTo(403);
        RECEIVED.clear();
        assertThat(api.post("manager", "/api/diversion/messages/" + message + "/activate", Map.of("incident", incident)).status())
                .isEqualTo(200);

        // the IVR platform reads it, with an ETag; asked again with it: 304
        HttpResponse<Map<String, Object>> live = client.toBlocking().exchange(HttpRequest.GET("/api/diversion/active?channel=ivr")
                .basicAuth("agent1", "demo"), Argument.mapOf(String.class, Object.class));
        String etag = live.getHeaders().get("ETag");
        assertThat(etag).isNotBlank();
        List<Map<String, Object>> messages = (List<Map<String, Object>>) live.body().get("messages");
        assertThat(messages).anyMatch(m -> title.equals(m.get("title")) && incident.equals(m.get("incidentId"))
                && ((Map<String, String>) m.get("texts")).keySet().containsAll(List.of("zh-CN", "en", "zh-TW")));
        try {
            HttpResponse<?> again = client.toBlocking().exchange(HttpRequest.GET("/api/diversion/active?channel=ivr")
                    .basicAuth("agent1", "demo").header("If-None-Match", etag));
            assertThat(again.code()).isEqualTo(304);
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(304);
        }
        // and the webhook got it
        assertThat(nextPush("ivr")).contains(title).contains(etag.replace("\"", ""));

        // the log says so
        Map<String, Object> log = api.get("manager", "/api/incidents/" + incident + "/log").body();
        assertThat(String.valueOf(log.get("entries"))).contains(title);

        // resolving the incident switches it off: pushed, and the ETag changes
        assertThat(api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of()).status()).isEqualTo(200);
        assertThat(nextPush("ivr")).doesNotContain(title);
        HttpResponse<Map<String, Object>> after = client.toBlocking().exchange(HttpRequest.GET("/api/diversion/active?channel=ivr")
                .basicAuth("agent1", "demo").header("If-None-Match", etag), Argument.mapOf(String.class, Object.class));
        assertThat(after.code()).isEqualTo(200);
        assertThat(after.getHeaders().get("ETag")).isNotEqualTo(etag);
        assertThat(String.valueOf(after.body().get("messages"))).doesNotContain(title);
        // and a resolved incident takes no new diversion
        assertThat(api.post("manager", "/api/diversion/messages/" + message + "/activate", Map.of("incident", incident)).status())
                .isEqualTo(400);
    }
}
