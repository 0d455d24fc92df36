package org.stormdesk.capture.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Backoff;
import org.stormdesk.capture.CaptureKinds;
import org.stormdesk.capture.CaptureRules;
import org.stormdesk.capture.RecordState;
import org.stormdesk.capture.db.DeliveryRepository;
import org.stormdesk.capture.db.DeliveryRow;
import org.stormdesk.capture.db.RecordRepository;
import org.stormdesk.capture.db.RecordRow;
import org.stormdesk.capture.db.SettingRow;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts each new captured record to the CRM's webhook, if an administrator set one: JSON, signed with HMAC-SHA256
 * ({@code X-Stormdesk-Signature: sha256=<hex>} over the body), and records the CRM's answer
 * ({@code {"reference": "…"}}, or {@code crmReference} / {@code id}) as a {@code customer.backfilled} entry by the
 * server, whose id is derived from the record: however many nodes race, it is back-filled once. A failure is tried
 * again with backoff ({@link Backoff}); after the last attempt the record waits for a person in the work queue.
 */
@Singleton
public class CrmWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(CrmWebhook.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int BATCH = 50;
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final DeliveryRepository deliveries;
    private final RecordRepository records;
    private final CaptureSetup setup;
    private final Journal journal;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final Clock clock;
    private final Backoff backoff;
    private final boolean scheduled;
    private final HttpClient http;
    private final Duration timeout;

    public CrmWebhook(DeliveryRepository deliveries, RecordRepository records, CaptureSetup setup, Journal journal,
                      TransactionOperations<Connection> tx, JsonMapper json, Clock clock,
                      @Value("${stormdesk.capture.webhook.max-attempts:8}") int maxAttempts,
                      @Value("${stormdesk.capture.webhook.timeout:10s}") Duration timeout,
                      @Value("${stormdesk.capture.sweep:true}") boolean scheduled) {
        this.deliveries = deliveries;
        this.records = records;
        this.setup = setup;
        this.journal = journal;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.backoff = new Backoff(maxAttempts);
        this.scheduled = scheduled;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The id of the back-fill entry the webhook records for a record. */
    public static UUID backfillOf(UUID record) {
        return UUID.nameUUIDFromBytes(("capture.webhook:" + record).getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "5s")
    void everyFewSeconds() {
        if (!scheduled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The CRM webhook sweep failed; it runs again in a few seconds", e);
        }
    }

    /** Posts every due record once; answers how many the CRM took. */
    public int run() {
        Optional<SettingRow> settings = setup.row().filter(r -> r.webhookUrl() != null && !r.webhookUrl().isBlank());
        if (settings.isEmpty()) {
            return 0;
        }
        int taken = 0;
        List<DeliveryRow> due;
        do {
            Instant now = clock.instant();
            due = tx.executeWrite(status -> {
                List<DeliveryRow> rows = deliveries.claimableDue(now, BATCH);
                rows.forEach(r -> deliveries.claim(r.recordId(), now.plus(LEASE)));
                return rows;
            });
            for (DeliveryRow d : due) {
                if (post(d, settings.get())) {
                    taken++;
                }
            }
        } while (due.size() == BATCH);
        return taken;
    }

    private boolean post(DeliveryRow d, SettingRow settings) {
        Optional<RecordRow> record = records.findById(d.recordId());
        if (record.isEmpty() || !RecordState.CAPTURED.wire().equals(record.get().state())) {
            // purged, or back-filled or rejected by a person meanwhile: nothing to post
            deliveries.outcome(d.recordId(), "done", d.attempts(), d.dueAt(), null, clock.instant());
            return false;
        }
        int attempt = d.attempts() + 1;
        String error;
        try {
            byte[] body = json.writeValueAsBytes(body(record.get()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-Stormdesk-Event", CaptureKinds.CAPTURED)
                    .header("X-Stormdesk-Delivery", d.recordId().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (settings.webhookSecret() != null && !settings.webhookSecret().isBlank()) {
                request.header("X-Stormdesk-Signature", sign(settings.webhookSecret(), body));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                String reference = reference(response.body());
                if (reference != null) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("recordId", d.recordId().toString());
                    payload.put("crmReference", reference);
                    payload.put("via", "webhook");
                    journal.recordAsServer(List.of(Entry.of(backfillOf(d.recordId()), CaptureKinds.BACKFILLED, null,
                            clock.instant(), payload)));
                    deliveries.outcome(d.recordId(), "done", attempt, clock.instant(), null, clock.instant());
                    return true;
                }
                error = "HTTP " + response.statusCode() + " without a reference";
            } else {
                error = "HTTP " + response.statusCode();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant now = clock.instant();
        String shortError = error.length() > 500 ? error.substring(0, 500) : error;
        Optional<Instant> retry = backoff.retryAt(attempt, now);
        deliveries.outcome(d.recordId(), retry.isPresent() ? "pending" : "failed", attempt, retry.orElse(now), shortError, now);
        return false;
    }

    private Map<String, Object> body(RecordRow r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", r.id().toString());
        if (r.incidentId() != null) {
            body.put("incidentId", r.incidentId().toString());
        }
        body.put("name", r.name());
        body.put("phone", r.phone());
        body.put("phoneDisplay", CaptureRules.display(r.phone()));
        if (r.accountId() != null) {
            body.put("accountId", r.accountId());
        }
        body.put("matter", r.matter());
        body.put("category", r.category());
        body.put("callbackPromised", r.callbackPromised());
        if (r.callbackDueAt() != null) {
            body.put("callbackDueAt", r.callbackDueAt().toString());
        }
        body.put("source", r.source());
        if (r.paperFormNo() != null) {
            body.put("paperFormNo", r.paperFormNo());
        }
        body.put("capturedBy", r.capturedBy());
        body.put("capturedAt", r.capturedAt().toString());
        return body;
    }

    private String reference(String body) {
        try {
            Map<String, Object> answer = json.readValue(body, MAP);
            if (answer == null) {
                return null;
            }
            for (String field : List.of("reference", "crmReference", "id")) {
                Object value = answer.get(field);
                if (value != null && !value.toString().isBlank() && value.toString().length() <= CaptureRules.MAX_REFERENCE) {
                    return value.toString().strip();
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code sha256=<hex of HMAC-SHA256(secret, body)>}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
