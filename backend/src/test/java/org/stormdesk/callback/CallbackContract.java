package org.stormdesk.callback;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2.6: every customer promised a callback while the systems were down becomes a task, spread over the agents on
 * shift; nothing closes until the customer was reached or the attempts ran out; overdue ones stand out.
 */
public abstract class CallbackContract {

    static final Set<String> CALLERS = Set.of("agent1", "agent2", "agent3", "agent4", "agent5", "agent6");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MutableClock clock;
    @Inject
    Journal journal;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    List<Map<String, Object>> push(String user, List<Map<String, Object>> entries, String language) {
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-test", "entries", entries), language);
        assertThat(a.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) a.get("results");
        return results;
    }

    Map<String, Object> entry(String kind, Map<String, Object> payload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", kind);
        entry.put("recordedAt", clock.instant().toString());
        entry.put("payload", payload);
        return entry;
    }

    Map<String, Object> captured(String name, boolean promised, Duration dueIn, String incident) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("incidentId", incident);
        p.put("name", name);
        p.put("phone", "138 0013 8000");
        p.put("matter", "Bill charged twice");
        p.put("category", "billing");
        p.put("callbackPromised", promised);
        if (promised) {
            p.put("callbackDueAt", clock.instant().plus(dueIn).toString());
        }
        p.put("source", "panel");
        return entry(CallbackKinds.CUSTOMER_CAPTURED, p);
    }

    String systemIncident() {
        Api.Answer a = api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "system"));
        assertThat(a.status()).isIn(200, 201);
        return (String) a.get("incidentId");
    }

    /** Captures customers with promised callbacks; answers the task ids (the entries' ids). */
    List<String> promise(int count, Duration dueIn, String incident) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(captured("Customer " + UUID.randomUUID().toString().substring(0, 6), true, dueIn, incident));
        }
        List<Map<String, Object>> results = push("agent1", entries, "en");
        assertThat(results).extracting(r -> r.get("status")).containsOnly("stored");
        return entries.stream().map(e -> (String) e.get("id")).toList();
    }

    Map<String, Object> task(String id, String reader) {
        Api.Answer a = api.get(reader, "/api/callbacks/" + id);
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    @Test
    void s2_6_everyPromisedCallbackBecomesATaskSpreadOverTheAgentsOnShift() {
        String incident = systemIncident();
        List<String> ids = promise(6, Duration.ofHours(2), incident);
        List<Map<String, Object>> unpromised = push("agent1", List.of(captured("No callback", false, Duration.ZERO, incident)), "en");
        assertThat(unpromised.getFirst()).containsEntry("status", "stored");

        List<Map<String, Object>> all = api.list("manager", "/api/callbacks?incident=" + incident);
        assertThat(all).extracting(t -> t.get("id")).containsAll(ids).doesNotContain(unpromised.getFirst().get("id"));
        Set<Object> owners = new HashSet<>();
        for (String id : ids) {
            Map<String, Object> t = task(id, "manager");
            assertThat(t).containsEntry("state", "open").containsEntry("attempts", 0).containsEntry("maxAttempts", 3)
                    .containsEntry("phone", "138 0013 8000").containsEntry("matter", "Bill charged twice")
                    .containsEntry("incident", incident);
            assertThat(CALLERS).contains((String) t.get("owner"));
            owners.add(t.get("owner"));
        }
        // balanced by open load: six new callbacks go to at least four of the six callers
        assertThat(owners).hasSizeGreaterThanOrEqualTo(4);

        String owner = (String) task(ids.getFirst(), "manager").get("owner");
        assertThat(api.list(owner, "/api/callbacks/mine")).extracting(t -> t.get("id")).contains(ids.getFirst());
        assertThat(api.get("agent1", "/api/callbacks").status()).isEqualTo(403);
        // leadership reads the list, with numbers masked
        assertThat(api.list("leader", "/api/callbacks?incident=" + incident)).extracting(t -> t.get("phone")).contains("138 **** **00");
    }

    @Test
    void s2_6_aTaskClosesOnlyWhenTheCustomerWasReachedOrTheAttemptsRanOut() {
        String incident = systemIncident();
        List<String> ids = promise(2, Duration.ofHours(1), incident);
        String first = ids.get(0);
        String owner = (String) task(first, "manager").get("owner");
        String stranger = CALLERS.stream().filter(a -> !a.equals(owner)).findFirst().orElseThrow();

        Map<String, Object> notMine = push(stranger, List.of(entry(CallbackKinds.ATTEMPTED, Map.of("taskId", first, "outcome", "busy"))), "zh-CN").getFirst();
        assertThat(notMine).containsEntry("status", "refused");
        assertThat(String.valueOf(notMine.get("reason"))).contains("别人的回访");
        assertThat(push(owner, List.of(entry(CallbackKinds.ATTEMPTED, Map.of("taskId", first, "outcome", "hung-up"))), "en").getFirst())
                .containsEntry("status", "refused");

        Api.Answer one = api.post(owner, "/api/callbacks/" + first + "/attempts", Map.of("outcome", "no-answer"));
        assertThat(one.body()).containsEntry("attempts", 1).containsEntry("state", "open").containsEntry("lastOutcome", "no-answer");
        api.post(owner, "/api/callbacks/" + first + "/attempts", Map.of("outcome", "wrong-number", "note", "a fax tone"));
        Api.Answer three = api.post(owner, "/api/callbacks/" + first + "/attempts", Map.of("outcome", "left-message"));
        assertThat(three.body()).containsEntry("attempts", 3).containsEntry("state", "failed");
        Api.Answer fourth = api.post(owner, "/api/callbacks/" + first + "/attempts", Map.of("outcome", "reached"));
        assertThat(fourth.status()).isEqualTo(400);
        assertThat(String.valueOf(fourth.get("detail"))).contains("closed");

        String second = ids.get(1);
        String secondOwner = (String) task(second, "manager").get("owner");
        Api.Answer reached = api.post(secondOwner, "/api/callbacks/" + second + "/attempts", Map.of("outcome", "reached", "note", "refund promised"));
        assertThat(reached.body()).containsEntry("state", "reached").containsEntry("attempts", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) reached.get("history");
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("assigned", "attempted");

        Map<String, Object> counts = api.get("manager", "/api/callbacks/counts?incident=" + incident).body();
        assertThat(((Number) counts.get("reached")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) counts.get("failed")).intValue()).isGreaterThanOrEqualTo(1);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        List<String> log = entries.stream().map(l -> String.valueOf(l.get("text"))).toList();
        assertThat(log).anyMatch(l -> l.startsWith(owner + " called back Customer ") && l.endsWith(": wrong number: a fax tone."));
        assertThat(log).anyMatch(l -> l.startsWith(secondOwner + " called back ") && l.endsWith(": reached the customer: refund promised."));
    }

    @Test
    void s2_6_overdueTasksStandOutAndAManagerGivesOneToSomeoneElse() {
        String incident = systemIncident();
        String id = promise(1, Duration.ofMinutes(10), incident).getFirst();
        assertThat(task(id, "manager")).containsEntry("overdue", false);
        clock.advance(Duration.ofMinutes(20));
        assertThat(task(id, "manager")).containsEntry("overdue", true);
        Map<String, Object> counts = api.get("manager", "/api/callbacks/counts?incident=" + incident).body();
        assertThat(((Number) counts.get("overdue")).intValue()).isGreaterThanOrEqualTo(1);

        String owner = (String) task(id, "manager").get("owner");
        String other = CALLERS.stream().filter(a -> !a.equals(owner)).sorted().findFirst().orElseThrow();
        assertThat(api.post("agent1", "/api/callbacks/" + id + "/reassign", Map.of("to", other)).status()).isEqualTo(403);
        assertThat(push(owner, List.of(entry(CallbackKinds.REASSIGNED, Map.of("taskId", id, "to", other))), "en").getFirst())
                .containsEntry("status", "refused");
        assertThat(api.post("manager", "/api/callbacks/" + id + "/reassign", Map.of("to", "nobody")).status()).isEqualTo(400);

        Api.Answer moved = api.post("manager", "/api/callbacks/" + id + "/reassign", Map.of("to", other));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body()).containsEntry("owner", other);
        List<Map<String, Object>> mine = api.list(other, "/api/callbacks/mine");
        assertThat(mine).filteredOn(t -> id.equals(t.get("id"))).singleElement().satisfies(t -> assertThat(t).containsEntry("overdue", true));
        assertThat(api.list(owner, "/api/callbacks/mine")).extracting(t -> t.get("id")).doesNotContain(id);
        assertThat(api.get(owner, "/api/callbacks/" + id).status()).isEqualTo(403);
    }

    @Test
    void s2_6_aRebuildOfTheJournalGivesTheSameTasks() {
        String incident = systemIncident();
        String id = promise(1, Duration.ofHours(3), incident).getFirst();
        String owner = (String) task(id, "manager").get("owner");
        api.post(owner, "/api/callbacks/" + id + "/attempts", Map.of("outcome", "busy"));
        journal.rebuildProjections();
        assertThat(task(id, "manager")).containsEntry("owner", owner).containsEntry("attempts", 1).containsEntry("lastOutcome", "busy");
    }
}
