package org.stormdesk.notify.internal;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.stormdesk.notify.NotifySettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one notice on its channel. Every channel but email and the app is an HTTPS POST of JSON, each in the
 * shape and with the signature its receiver documents; every call has a timeout, so a channel that hangs
 * costs its own deliveries that time and nothing else.
 */
@Singleton
class ChannelSenders {

    private final Mailer mailer;
    private final JsonMapper json;
    private final Clock clock;
    private final NotifySettings settings;
    private final HttpClient http;
    private final WebPush webPush;

    ChannelSenders(Mailer mailer, JsonMapper json, Clock clock, NotifySettings settings, WebPush webPush) {
        this.webPush = webPush;
        this.mailer = mailer;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(ChannelBook.Config config, Notice notice) throws DeliveryFailure {
        if (!config.enabled()) {
            throw new DeliveryFailure("The " + config.channel().wire() + " channel is turned off");
        }
        switch (config.channel()) {
            case APP -> {
                // the in-app notice is the outbox row itself: it is in the person's inbox already
            }
            case PUSH -> {
                if (notice.address() == null) {
                    throw new DeliveryFailure("Web Push needs a person");
                }
                String subject = config.text("subject");
                webPush.send(notice.address(), notice, subject == null ? WebPush.DEFAULT_SUBJECT : subject);
            }
            case EMAIL -> mailer.send(config, notice);
            case WEBHOOK -> webhook(config, notice);
            case DINGTALK -> dingTalk(config, notice);
            case WECOM -> checked(post(config.text("url"), bytes(Map.of("msgtype", "text",
                    "text", Map.of("content", notice.text()))), Map.of()), "errcode");
            case FEISHU -> feishu(config, notice);
            case SLACK -> post(config.text("url"), bytes(Map.of("text", notice.text())), Map.of());
            case SMS -> sms(config, notice);
            default -> throw new DeliveryFailure("Unknown channel " + config.channel());
        }
    }

    private void webhook(ChannelBook.Config config, Notice notice) throws DeliveryFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        if (notice.delivery() != null) {
            body.put("delivery", notice.delivery().toString());
        }
        body.put("kind", notice.kind());
        if (notice.incident() != null) {
            body.put("incident", notice.incident().toString());
        }
        body.put("recipient", notice.recipient());
        body.put("text", notice.text());
        body.put("message", notice.message());
        if (notice.ackUrl() != null) {
            body.put("ackUrl", notice.ackUrl());
        }
        if (notice.incidentUrl() != null) {
            body.put("incidentUrl", notice.incidentUrl());
        }
        body.put("sentAt", clock.instant().toString());
        byte[] bytes = bytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        String secret = config.text("secret");
        if (secret != null) {
            headers.put("X-Stormdesk-Signature", Signatures.webhook(secret, bytes));
        }
        if (notice.delivery() != null) {
            headers.put("X-Stormdesk-Delivery", notice.delivery().toString());
        }
        post(config.text("url"), bytes, headers);
    }

    private void dingTalk(ChannelBook.Config config, Notice notice) throws DeliveryFailure {
        String url = config.text("url");
        String secret = config.text("secret");
        if (secret != null) {
            long timestamp = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + Signatures.dingTalk(secret, timestamp);
        }
        checked(post(url, bytes(Map.of("msgtype", "text", "text", Map.of("content", notice.text()))), Map.of()), "errcode");
    }

    private void feishu(ChannelBook.Config config, Notice notice) throws DeliveryFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        String secret = config.text("secret");
        if (secret != null) {
            long timestamp = clock.millis() / 1000;
            body.put("timestamp", Long.toString(timestamp));
            body.put("sign", Signatures.feishu(secret, timestamp));
        }
        body.put("msg_type", "text");
        body.put("content", Map.of("text", notice.text()));
        checked(post(config.text("url"), bytes(body), Map.of()), "code");
    }

    private void sms(ChannelBook.Config config, Notice notice) throws DeliveryFailure {
        if (notice.address() == null) {
            throw new DeliveryFailure("No phone number");
        }
        String url = config.text("url")
                .replace("{phone}", URLEncoder.encode(notice.address(), StandardCharsets.UTF_8))
                .replace("{text}", URLEncoder.encode(notice.text(), StandardCharsets.UTF_8));
        String template = config.text("body");
        byte[] body = template == null ? new byte[0] : template
                .replace("{phone}", jsonString(notice.address()))
                .replace("{text}", jsonString(notice.text()))
                .getBytes(StandardCharsets.UTF_8);
        String authorization = config.text("authorization");
        post(url, body, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    /** POSTs JSON; anything but a 2xx answer is a failure. Answers the body. */
    private String post(String url, byte[] body, Map<String, String> headers) throws DeliveryFailure {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("Bad URL: " + e.getMessage());
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("No answer within " + settings.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new DeliveryFailure("Unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    /** The robots answer 200 with an error code in the body ({@code errcode}, {@code code}); non-zero is a failure. */
    private void checked(String answer, String codeField) throws DeliveryFailure {
        Map<String, Object> body;
        try {
            body = answer == null || answer.isBlank() ? Map.of()
                    : json.readValue(answer, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException notJson) {
            return;
        }
        Object code = body == null ? null : body.get(codeField);
        if (code instanceof Number n && n.intValue() != 0) {
            throw new DeliveryFailure(codeField + " " + n + ": " + abbreviate(answer));
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jsonString(String s) {
        String quoted = new String(bytes(s), StandardCharsets.UTF_8);
        return quoted.substring(1, quoted.length() - 1);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
