package org.stormdesk.incident;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.people.NewPerson;
import org.stormdesk.people.People;
import org.stormdesk.support.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident loop over HTTP, as the PWA, the board and integrations drive it (S1.1, S1.4, S2.1):
 * reports open or join incidents, people acknowledge, note and resolve, and the log tells it all.
 */
public abstract class IncidentLoopContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    People people;
    @Inject
    Journal journal;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        // each test starts from a quiet center: close what earlier tests left open
        for (Map<String, Object> open : api.list("manager", "/api/incidents?state=open")) {
            api.post("manager", "/api/incidents/" + open.get("id") + "/resolve", Map.of());
        }
    }

    static Map<String, Object> report(String kind) {
        return Map.of("clientId", UUID.randomUUID().toString(), "kind", kind);
    }

    @Test
    void s2_1_twoHundredAgentsReportingOneSystemFailureMakeOneIncidentWithTwoHundredReporters() throws Exception {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "storm" + UUID.randomUUID().toString().substring(0, 8);
            people.add(new NewPerson(name, "Storm agent " + i, List.of("agent"), "S", null, null));
            agents.add(name + ":" + people.issueToken(name));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        for (String agent : agents) {
            answers.add(pool.submit(() -> api.post(agent, "/api/reports", report("system"))));
        }
        Set<Object> incidents = new HashSet<>();
        int opened = 0;
        for (Future<Api.Answer> f : answers) {
            Api.Answer a = f.get();
            assertThat(a.status()).isEqualTo(201);
            incidents.add(a.get("incidentId"));
            if (!(Boolean) a.get("joined")) {
                opened++;
            }
        }
        pool.shutdown();
        assertThat(incidents).hasSize(1);
        assertThat(opened).isEqualTo(1);
        Api.Answer incident = api.get("manager", "/api/incidents/" + incidents.iterator().next());
        assertThat(incident.get("reportCount")).isEqualTo(200);
        assertThat(incident.get("reporterCount")).isEqualTo(200);
        assertThat(incident.get("kind")).isEqualTo("system");
        assertThat(incident.get("severity")).isEqualTo("high");
    }

    @Test
    void s1_1_equipmentIsPerSeatSoTwoBrokenPcsAreTwoIncidentsAndTheSameSeatJoins() {
        Api.Answer a = api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "equipment", "seat", "A-01"));
        Api.Answer b = api.post("agent2", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "equipment", "seat", "A-02"));
        Api.Answer c = api.post("lead1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "equipment", "seat", "A-01", "note", "monitor dark"));
        assertThat(a.get("incidentId")).isNotEqualTo(b.get("incidentId"));
        assertThat(c.get("incidentId")).isEqualTo(a.get("incidentId"));
        assertThat(c.get("joined")).isEqualTo(true);
        assertThat(api.get("manager", "/api/incidents/" + a.get("incidentId")).get("seat")).isEqualTo("A-01");
    }

    @Test
    void aRepeatedClientIdAnswers200WithTheSameReportAndStoresNothingNew() {
        Map<String, Object> body = report("power");
        Api.Answer first = api.post("agent3", "/api/reports", body);
        long head = journal.head();
        Api.Answer again = api.post("agent3", "/api/reports", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(journal.head()).isEqualTo(head);
    }

    @Test
    void reportsQueuedOfflineJoinTheIncidentThatWasRunningWhenTheyWereRecorded() {
        Actor agent = new Actor("agent4", Set.of("agent"));
        Instant outageStart = Instant.now().minus(Duration.ofMinutes(40));
        Api.Answer live = api.post("agent5", "/api/reports", report("website"));
        String incident = (String) live.get("incidentId");
        // agent4 saw it first, offline, 40 minutes ago: the report joins and moves the start back
        Entry early = Entry.of(UUID.randomUUID(), "report.filed", null, outageStart, Map.of("kind", "website"));
        List<PushResult> pushed = journal.push("phone-4", agent, List.of(early), Messages.EN);
        assertThat(pushed.getFirst().status()).isEqualTo("stored");
        assertThat(journal.find(early.id()).orElseThrow().incident().toString()).isEqualTo(incident);
        assertThat(Instant.parse((String) api.get("manager", "/api/incidents/" + incident).get("startedAt"))).isEqualTo(outageStart.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of());
        // recorded after the recovery: a new incident, not the resolved one
        Entry later = Entry.of(UUID.randomUUID(), "report.filed", null, Instant.now().plusSeconds(1), Map.of("kind", "website"));
        journal.push("phone-4", agent, List.of(later), Messages.EN);
        assertThat(journal.find(later.id()).orElseThrow().incident().toString()).isNotEqualTo(incident);
    }

    @Test
    void s1_4_theManagerAcknowledgesNotesAndResolvesAndTheLogShowsItAllInAnIntactChain() {
        Api.Answer filed = api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "aircon", "note", "hot on 3F"));
        String id = (String) filed.get("incidentId");
        assertThat(api.post("lead1", "/api/incidents/" + id + "/acknowledge", Map.of()).get("state")).isEqualTo("acknowledged");
        assertThat(api.post("manager", "/api/incidents/" + id + "/notes", Map.of("text", "Facilities called")).status()).isEqualTo(201);
        String recovered = Instant.now().toString();
        Api.Answer resolved = api.post("manager", "/api/incidents/" + id + "/resolve", Map.of("recoveredAt", recovered));
        assertThat(resolved.get("state")).isEqualTo("resolved");
        assertThat(resolved.get("resolvedBy")).isEqualTo("manager");
        assertThat(resolved.get("acknowledgedBy")).isEqualTo("lead1");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + id + "/log").get("entries");
        assertThat(log).extracting(e -> e.get("type")).containsExactly(
                "incident.opened", "report.filed", "incident.acknowledged", "note.added", "incident.resolved");
        assertThat(log.get(1).get("text")).isEqualTo("agent1 reported Air-conditioning failure: hot on 3F");
        assertThat(log.get(3).get("text")).isEqualTo("manager noted: Facilities called");
        assertThat(log).allSatisfy(e -> assertThat((String) e.get("hash")).hasSize(64));
        assertThat(log.get(1).get("prevHash")).isEqualTo(log.get(0).get("hash"));
        Api.Answer verify = api.get("manager", "/api/incidents/" + id + "/log/verify");
        assertThat(verify.get("valid")).isEqualTo(true);
        assertThat(verify.get("entries")).isEqualTo(5);
    }

    @Test
    void twoResolutionsMadeOfflineTheFirstCountsAndTheSecondIsLoggedAsRedundant() {
        Entry outage = Entry.of(UUID.randomUUID(), "report.filed", null, Instant.now().minus(Duration.ofMinutes(10)), Map.of("kind", "power"));
        journal.push("phone-2", new Actor("agent2", Set.of("agent")), List.of(outage), Messages.EN);
        UUID incident = journal.find(outage.id()).orElseThrow().incident();
        String id = incident.toString();
        Instant first = Instant.now().minusSeconds(30);
        Entry managerResolves = Entry.of(UUID.randomUUID(), "incident.resolved", incident, first, Map.of("recoveredAt", first.toString()));
        Entry adminResolves = Entry.of(UUID.randomUUID(), "incident.resolved", incident, Instant.now(), Map.of());
        journal.push("manager-phone", new Actor("manager", Set.of("manager")), List.of(managerResolves), Messages.EN);
        journal.push("admin-tablet", new Actor("admin", Set.of("admin")), List.of(adminResolves), Messages.EN);

        Api.Answer state = api.get("manager", "/api/incidents/" + id);
        assertThat(state.get("resolvedBy")).isEqualTo("manager");
        assertThat(Instant.parse((String) state.get("recoveredAt"))).isEqualTo(first.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + id + "/log").get("entries");
        assertThat(log).filteredOn(e -> "incident.resolved".equals(e.get("type"))).extracting(e -> e.get("redundant"))
                .containsExactly(false, true);
        assertThat(api.get("manager", "/api/incidents/" + id + "/log/verify").get("valid")).isEqualTo(true);
    }

    @Test
    void s2_2_theManagerJudgesTheFaultTypeAndSeverityAndTheLogSaysSo() {
        Entry outage = Entry.of(UUID.randomUUID(), "report.filed", null, Instant.now(), Map.of("kind", "system"));
        journal.push("phone-3", new Actor("agent3", Set.of("agent")), List.of(outage), Messages.EN);
        UUID incident = journal.find(outage.id()).orElseThrow().incident();
        Actor manager = new Actor("manager", Set.of("manager"));
        Actor agent = new Actor("agent3", Set.of("agent"));

        List<PushResult> bad = journal.push("manager-phone", manager, List.of(
                Entry.of(UUID.randomUUID(), "incident.triaged", incident, Instant.now(), Map.of("faultType", "CRM down!", "severity", "high")),
                Entry.of(UUID.randomUUID(), "incident.triaged", incident, Instant.now(), Map.of("faultType", "crm", "severity", "apocalyptic"))),
                Messages.EN);
        assertThat(bad).extracting(PushResult::reason).containsExactly(
                "Name the fault type (a short code such as crm, telephony or network).",
                "The severity must be low, medium, high or critical.");
        assertThat(journal.push("agent-phone", agent, List.of(Entry.of(UUID.randomUUID(), "incident.triaged", incident, Instant.now(),
                Map.of("faultType", "crm", "severity", "low"))), Messages.EN).getFirst().status()).isEqualTo(PushResult.REFUSED);

        PushResult judged = journal.push("manager-phone", manager, List.of(Entry.of(UUID.randomUUID(), "incident.triaged", incident,
                Instant.now(), Map.of("faultType", "crm", "severity", "critical", "note", "Vendor confirms an outage."))), Messages.EN).getFirst();
        assertThat(judged.status()).isEqualTo(PushResult.STORED);
        Api.Answer state = api.get("manager", "/api/incidents/" + incident);
        assertThat(state.get("faultType")).isEqualTo("crm");
        assertThat(state.get("severity")).isEqualTo("critical");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).filteredOn(e -> "incident.triaged".equals(e.get("type"))).extracting(e -> e.get("text"))
                .containsExactly("manager judged the fault: CRM, severity critical. Vendor confirms an outage.");

        api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of());
        assertThat(journal.push("manager-phone", manager, List.of(Entry.of(UUID.randomUUID(), "incident.triaged", incident,
                Instant.now(), Map.of("faultType", "network", "severity", "low"))), Messages.EN).getFirst().reason())
                .isEqualTo("The incident is resolved: it cannot be triaged any more.");
    }
}
