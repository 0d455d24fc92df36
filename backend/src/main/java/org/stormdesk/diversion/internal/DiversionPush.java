package org.stormdesk.diversion.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.diversion.Diversion;
import org.stormdesk.diversion.DiversionKinds;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.journal.JournalListener;
import org.stormdesk.journal.StoredEntry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pushes what is live on a channel to the platforms' webhooks ({@code stormdesk.diversion.webhooks}, a comma-separated
 * list of URLs) after every change is committed: {@code {channel, etag, messages}}. A channel whose ETag did not change
 * is not pushed again; a failed push is retried a few times with a growing pause, on a thread of its own.
 */
@Singleton
public class DiversionPush implements JournalListener {

    private static final Logger LOG = LoggerFactory.getLogger(DiversionPush.class);

    private final BeanProvider<Diversion> diversion;
    private final ObjectMapper json;
    private final List<URI> webhooks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService pushing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diversion-push");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> pushed = new ConcurrentHashMap<>();

    public DiversionPush(BeanProvider<Diversion> diversion, ObjectMapper json,
                         @Value("${stormdesk.diversion.webhooks:}") String webhooks) {
        this.diversion = diversion;
        this.json = json;
        this.webhooks = webhooks.isBlank() ? List.of()
                : java.util.Arrays.stream(webhooks.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
    }

    @Override
    public void stored(List<StoredEntry> entries) {
        if (webhooks.isEmpty()) {
            return;
        }
        boolean changed = entries.stream().anyMatch(e -> DiversionKinds.ALL.contains(e.kind())
                || EntryKinds.INCIDENT_RESOLVED.equals(e.kind()));
        if (changed) {
            pushing.submit(this::pushAll);
        }
    }

    private void pushAll() {
        for (String channel : List.of("ivr", "chat", "script")) {
            try {
                Diversion.Live live = diversion.get().live(channel);
                if (live.etag().equals(pushed.get(channel))) {
                    continue;
                }
                byte[] body = json.writeValueAsBytes(live);
                for (URI hook : webhooks) {
                    send(hook, body, live.etag());
                }
                pushed.put(channel, live.etag());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not push the live {} diversion messages", channel, e);
            }
        }
    }

    private void send(URI hook, byte[] body, String etag) {
        for (int attempt = 1; attempt <= 4; attempt++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("ETag", etag)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 300) {
                    return;
                }
                LOG.warn("Diversion webhook {} answered {}", hook, r.statusCode());
            } catch (IOException e) {
                LOG.warn("Diversion webhook {} failed: {}", hook, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500L * attempt * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
