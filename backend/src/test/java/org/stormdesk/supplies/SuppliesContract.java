package org.stormdesk.supplies;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.escalation.internal.EscalationSweep;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.supplies.internal.SuppliesEntries;
import org.stormdesk.support.Api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Air conditioning (S4.1, S4.2): an aircon incident tells the relevant people at once; each site keeps emergency
 * supplies in proportion to its size, shows whether it is ready and what is missing, and warns when it is not.
 */
public abstract class SuppliesContract {

    static final Actor READER = new Actor("admin", Set.of("admin"));

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    EscalationSweep escalations;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    static String site() {
        return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    Api.Answer put(String user, String path, Object body) {
        return api.send(HttpRequest.PUT(path, body), user, "en");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Api.Answer readiness, String kind) {
        return ((List<Map<String, Object>>) readiness.get("items")).stream().filter(i -> kind.equals(i.get("kind"))).findFirst().orElseThrow();
    }

    List<StoredEntry> warningsSince(long seq, String site) {
        return journal.pull(seq, 1000, READER).entries().stream()
                .filter(e -> e.kind().equals("notice.requested") && site.equals(e.payload().get("site"))).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s4_2_aSiteKeepsFansInProportionToItsSizeShowsWhatIsMissingAndWarnsWhenNotReady() {
        String site = site();
        assertThat(put("admin", "/api/supplies/" + site + "/seats", Map.of("seats", 45)).status()).isEqualTo(200);
        assertThat(put("manager", "/api/supplies/" + site + "/seats", Map.of("seats", 45)).status()).isEqualTo(403);
        assertThat(put("admin", "/api/supplies/" + site + "/rules/fan", Map.of("perSeats", 0)).status()).isEqualTo(400);
        long start = journal.head();
        Api.Answer ruled = put("admin", "/api/supplies/" + site + "/rules/fan", Map.of("perSeats", 10, "atLeast", 1));
        assertThat(ruled.status()).isEqualTo(200);
        // no fan counted yet: five needed, the managers are told
        assertThat(ruled.get("ready")).isEqualTo(false);
        assertThat(item(ruled, "fan")).containsEntry("required", 5).containsEntry("missing", 5);
        assertThat(warningsSince(start, site)).hasSize(1);

        Api.Answer counted = api.post("lead1", "/api/supplies/" + site + "/counts/fan", Map.of("quantity", 5));
        assertThat(counted.status()).isEqualTo(200);
        assertThat(counted.get("ready")).isEqualTo(true);
        assertThat(item(counted, "fan")).containsEntry("quantity", 5).containsEntry("missing", 0).containsEntry("countedBy", "lead1");

        // two fans break: counted offline on a phone, synced later; the site is not ready and the managers are told what is missing
        long before = journal.head();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", "supplies.counted");
        entry.put("recordedAt", Instant.now().minusSeconds(600).toString());
        entry.put("payload", Map.of("site", site, "kind", "fan", "quantity", 3, "note", "two broken"));
        Api.Answer pushed = api.post("it", "/api/sync/push", Map.of("device", "phone-it", "entries", List.of(entry)));
        assertThat(((List<Map<String, Object>>) pushed.get("results")).getFirst()).containsEntry("status", "stored");
        Api.Answer readiness = api.get("agent1", "/api/supplies/" + site);
        assertThat(readiness.get("ready")).isEqualTo(false);
        assertThat(item(readiness, "fan")).containsEntry("quantity", 3).containsEntry("required", 5).containsEntry("missing", 2)
                .containsEntry("note", "two broken");
        StoredEntry warning = journal.find(SuppliesEntries.warningOf(UUID.fromString((String) entry.get("id")))).orElseThrow();
        assertThat(warning.payload()).containsEntry("audience", List.of("role:manager", "role:admin"));
        assertThat((Map<String, String>) warning.payload().get("message")).containsEntry("en",
                "Site " + site + " is short of emergency supplies: 2 fans (3 of 5) missing. Please restock.");
        assertThat(api.list("manager", "/api/supplies")).anyMatch(r -> site.equals(r.get("site")) && Boolean.FALSE.equals(r.get("ready")));

        // still short: no second warning for the same shortage
        api.post("lead1", "/api/supplies/" + site + "/counts/fan", Map.of("quantity", 4));
        assertThat(warningsSince(before, site)).hasSize(1);

        // restocked; then the center grows to 60 seats: six fans needed, a warning again
        api.post("lead1", "/api/supplies/" + site + "/counts/fan", Map.of("quantity", 5));
        long grown = journal.head();
        Api.Answer bigger = put("admin", "/api/supplies/" + site + "/seats", Map.of("seats", 60));
        assertThat(item(bigger, "fan")).containsEntry("required", 6).containsEntry("missing", 1);
        assertThat(warningsSince(grown, site)).hasSize(1);

        // agents read but do not count, online or offline
        assertThat(api.post("agent1", "/api/supplies/" + site + "/counts/fan", Map.of("quantity", 9)).status()).isEqualTo(403);
        Map<String, Object> agents = new LinkedHashMap<>(entry);
        agents.put("id", UUID.randomUUID().toString());
        Api.Answer refused = api.post("agent1", "/api/sync/push", Map.of("device", "phone-a1", "entries", List.of(agents)));
        assertThat(((List<Map<String, Object>>) refused.get("results")).getFirst()).containsEntry("status", "refused");
        assertThat(api.post("lead1", "/api/supplies/" + site + "/counts/fan", Map.of("quantity", -1)).status()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void s4_1_anAirconIncidentTellsTheRelevantPeopleAtOnce() {
        for (Map<String, Object> i : api.list("manager", "/api/incidents")) {
            if ("aircon".equals(i.get("kind"))) {
                api.post("manager", "/api/incidents/" + i.get("id") + "/resolve", Map.of());
            }
        }
        Api.Answer filed = api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "aircon"));
        assertThat(filed.status()).isEqualTo(201);
        String incident = (String) filed.get("incidentId");
        escalations.run();

        List<StoredEntry> log = journal.incidentLog(UUID.fromString(incident));
        StoredEntry fired = log.stream().filter(e -> e.kind().equals("escalation.fired")).findFirst().orElseThrow();
        assertThat(fired.payload()).containsEntry("clause", "S4.1");
        assertThat((List<String>) fired.payload().get("audience")).contains("role:manager", "role:maintenance", "contact:facilities");
        List<Map<String, Object>> deliveries = api.list("manager", "/api/incidents/" + incident + "/deliveries");
        // people in the app at once; the facilities contact by SMS or email once a channel for it is set up
        assertThat(deliveries).extracting(d -> d.get("recipient")).contains("user:manager", "user:it");
    }
}
