package org.stormdesk.evacuation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.people.NewPerson;
import org.stormdesk.people.People;
import org.stormdesk.roster.NewShift;
import org.stormdesk.roster.Roster;
import org.stormdesk.support.Api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alarms and fire (S5.1, S5.2, S5.3): a fire alarm asks first whether it is a fault, a test or real, with whom to
 * call at property management; a real one starts the roll call of everyone on shift on the site; people mark
 * themselves safe, marshals mark others (offline too), nobody is counted twice, and the roll call ends with everyone
 * accounted for, on the incident's record. Alarm zones show any zone out of its normal state. Drills run any
 * playbook apart from real incidents.
 */
public abstract class EvacuationContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    Journal journal;
    @Inject
    People people;
    @Inject
    Roster roster;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    /** A fire incident of its own: any real fire incident still open is resolved first (fire is center-wide). */
    String freshFire() {
        for (Map<String, Object> i : api.list("manager", "/api/incidents?drill=exclude")) {
            if ("fire".equals(i.get("kind"))) {
                assertThat(api.post("manager", "/api/incidents/" + i.get("id") + "/resolve", Map.of()).status()).isEqualTo(200);
            }
        }
        Api.Answer a = api.post("agent2", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "fire"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.get("joined")).isEqualTo(false);
        return (String) a.get("incidentId");
    }

    /** People of a site of their own, on shift now, each with an API token. */
    Map<String, String> staffOnShift(String site, int count) {
        Map<String, String> tokens = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String username = site + "-" + i;
            people.add(new NewPerson(username, "Person " + i + " of " + site, List.of("agent"), null, null, null));
            roster.add(new NewShift(username, site, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)),
                    "inbound", List.of()), "test");
            tokens.put(username, people.issueToken(username));
        }
        return tokens;
    }

    static String site() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    Map<String, Object> entry(String kind, String incident, Map<String, Object> payload, Instant recordedAt) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", kind);
        if (incident != null) {
            entry.put("incident", incident);
        }
        entry.put("recordedAt", recordedAt.toString());
        entry.put("payload", payload);
        return entry;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> push(String user, String device, List<Map<String, Object>> entries) {
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", device, "entries", entries));
        assertThat(a.status()).isEqualTo(200);
        return (List<Map<String, Object>>) a.get("results");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> counts(Api.Answer rollCall) {
        return (Map<String, Object>) rollCall.get("counts");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> peopleOf(Api.Answer rollCall) {
        return (List<Map<String, Object>>) rollCall.get("people");
    }

    List<String> logTypes(String incident) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        return lines.stream().map(l -> (String) l.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    List<String> logTexts(String incident) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        return lines.stream().map(l -> (String) l.get("text")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s5_2_aFireAlarmAsksFaultTestOrRealShowsPropertyManagementAndLogsTheAnswer() {
        String fire = freshFire();

        Api.Answer question = api.get("manager", "/api/incidents/" + fire + "/fire");
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.get("answer")).isNull();
        assertThat(question.get("site")).isEqualTo("hq");
        assertThat((String) question.get("assemblyPoint")).contains("flagpole");
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) question.get("propertyContacts");
        assertThat(contacts).extracting(c -> c.get("category")).containsOnly("property");
        assertThat(contacts).extracting(c -> c.get("phone")).contains("021-5555-0100");

        // an agent neither answers (403 online, refused offline) nor reads the question
        assertThat(api.post("agent1", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "test")).status()).isEqualTo(403);
        assertThat(api.get("agent1", "/api/incidents/" + fire + "/fire").status()).isEqualTo(403);
        assertThat(push("agent1", "pwa-a1", List.of(entry("fire.triaged", fire, Map.of("answer", "test"), Instant.now()))).getFirst())
                .containsEntry("status", "refused");
        assertThat(api.post("manager", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "maybe")).status()).isEqualTo(400);

        Api.Answer test = api.post("manager", "/api/incidents/" + fire + "/fire/triage",
                Map.of("answer", "test", "note", "Property says the panel is being tested"));
        assertThat(test.status()).isEqualTo(201);
        assertThat(test.get("answer")).isEqualTo("test");
        assertThat(test.get("answeredBy")).isEqualTo("manager");
        assertThat(test.get("rollCall")).isEqualTo(false);
        assertThat(api.get("manager", "/api/incidents/" + fire + "/rollcall").status()).isEqualTo(404);

        // it turns out real: the evacuation starts, and cannot be answered away afterwards
        Api.Answer real = api.post("lead1", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "real"));
        assertThat(real.status()).isEqualTo(201);
        assertThat(real.get("rollCall")).isEqualTo(true);
        Api.Answer fault = api.post("manager", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "fault"));
        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.body().toString()).contains("evacuation has started");

        List<String> types = logTypes(fire);
        assertThat(types).containsSubsequence("incident.opened", "report.filed", "fire.triaged", "rollcall.started", "fire.triaged");
        assertThat(logTexts(fire)).anyMatch(t -> t.contains("manager answered the fire alarm: a test: Property says the panel is being tested"))
                .anyMatch(t -> t.contains("lead1 answered the fire alarm: real"));
        assertThat(api.get("manager", "/api/incidents/" + fire + "/log/verify").get("valid")).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void s5_3_aRealAlarmCallsTheRollOfEveryoneOnShiftOnTheSiteUntilAllAreAccountedFor() {
        String site = site();
        Map<String, String> staff = staffOnShift(site, 4);
        List<String> names = new ArrayList<>(staff.keySet());
        String fire = freshFire();

        Api.Answer real = api.post("manager", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "real", "site", site));
        assertThat(real.status()).isEqualTo(201);

        Api.Answer rollCall = api.get("manager", "/api/incidents/" + fire + "/rollcall");
        assertThat(rollCall.get("state")).isEqualTo("open");
        assertThat(rollCall.get("drill")).isEqualTo(false);
        assertThat(rollCall.get("startedBy")).isEqualTo("manager");
        assertThat(counts(rollCall)).containsEntry("total", 4).containsEntry("unknown", 4).containsEntry("safe", 0);
        assertThat(peopleOf(rollCall)).extracting(p -> p.get("username")).containsExactlyInAnyOrderElementsOf(names);

        // each of them was told to evacuate, and nobody else
        StoredEntry notice = journal.find(org.stormdesk.evacuation.internal.EvacuationEntries.evacuateNoticeOf(UUID.fromString(fire), 0)).orElseThrow();
        assertThat(journal.find(org.stormdesk.evacuation.internal.EvacuationEntries.evacuateNoticeOf(UUID.fromString(fire), 1))).isEmpty();
        assertThat((List<String>) notice.payload().get("audience")).containsExactlyInAnyOrderElementsOf(
                names.stream().map(n -> "user:" + n).toList());

        // a person marks themselves safe, and reads only their own line
        String me = names.get(0);
        Api.Answer mine = api.post(me + ":" + staff.get(me), "/api/incidents/" + fire + "/rollcall/marks", Map.of("status", "safe"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(peopleOf(mine)).hasSize(1).first().satisfies(p -> assertThat(p).containsEntry("status", "safe").containsEntry("via", "self"));
        assertThat(counts(mine)).containsEntry("safe", 1).containsEntry("unknown", 3);
        // but cannot mark anyone else, nor themselves missing
        assertThat(api.post(me + ":" + staff.get(me), "/api/incidents/" + fire + "/rollcall/marks",
                Map.of("username", names.get(1), "status", "safe")).status()).isEqualTo(400);
        assertThat(api.post(me + ":" + staff.get(me), "/api/incidents/" + fire + "/rollcall/marks",
                Map.of("status", "missing")).status()).isEqualTo(400);

        // a marshal marks the others: one missing at first, then found
        assertThat(api.post("lead1", "/api/incidents/" + fire + "/rollcall/marks", Map.of("username", names.get(1), "status", "safe")).status()).isEqualTo(201);
        assertThat(api.post("lead1", "/api/incidents/" + fire + "/rollcall/marks", Map.of("username", names.get(2), "status", "absent")).status()).isEqualTo(201);
        Api.Answer missing = api.post("lead1", "/api/incidents/" + fire + "/rollcall/marks", Map.of("username", names.get(3), "status", "missing"));
        assertThat(counts(missing)).containsEntry("safe", 2).containsEntry("absent", 1).containsEntry("missing", 1).containsEntry("unknown", 0);

        // not everyone accounted for: ending needs a reason
        Api.Answer early = api.post("manager", "/api/incidents/" + fire + "/rollcall/close", Map.of());
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("1 people are not accounted for");
        assertThat(api.post("lead1", "/api/incidents/" + fire + "/rollcall/close", Map.of()).status()).isEqualTo(403);

        Api.Answer found = api.post("lead1", "/api/incidents/" + fire + "/rollcall/marks", Map.of("username", names.get(3), "status", "safe"));
        assertThat(counts(found)).containsEntry("safe", 3).containsEntry("accounted", 4).containsEntry("missing", 0);

        Api.Answer closed = api.post("manager", "/api/incidents/" + fire + "/rollcall/close", Map.of());
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.get("state")).isEqualTo("closed");
        assertThat(closed.get("closedBy")).isEqualTo("manager");
        assertThat(api.post("manager", "/api/incidents/" + fire + "/rollcall/close", Map.of("reason", "again")).status()).isEqualTo(400);

        // the record stays with the incident
        assertThat(logTexts(fire)).anyMatch(t -> t.contains("roll call of the 4 people on shift at site " + site))
                .anyMatch(t -> t.contains(me + " marked themselves safe"))
                .anyMatch(t -> t.contains("lead1 marked " + names.get(3) + " missing"))
                .anyMatch(t -> t.contains("manager ended the roll call: 3 safe, 1 not on site, 0 missing, 0 not accounted for"));
        assertThat(api.get("manager", "/api/incidents/" + fire + "/log/verify").get("valid")).isEqualTo(true);
        assertThat(api.list("agent1", "/api/rollcalls?state=all")).anyMatch(r -> fire.equals(r.get("incident")));
    }

    @Test
    void fiveHundredPeopleMarkingThemselvesSafeAtOnceLoseNoMark() throws Exception {
        String site = site();
        Map<String, String> staff = staffOnShift(site, 500);
        String fire = freshFire();
        assertThat(api.post("manager", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "real", "site", site)).status()).isEqualTo(201);
        assertThat(counts(api.get("manager", "/api/incidents/" + fire + "/rollcall"))).containsEntry("total", 500);
        // each of the 500 was told once, in parts of 50
        java.util.Set<String> told = new java.util.HashSet<>();
        for (int part = 0; part < 10; part++) {
            StoredEntry notice = journal.find(org.stormdesk.evacuation.internal.EvacuationEntries.evacuateNoticeOf(UUID.fromString(fire), part)).orElseThrow();
            @SuppressWarnings("unchecked")
            List<String> audience = (List<String>) notice.payload().get("audience");
            assertThat(audience).hasSize(50);
            told.addAll(audience);
        }
        assertThat(told).hasSize(500);

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        URI push = server.getURI().resolve("/api/sync/push");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(100)) {
            for (Map.Entry<String, String> person : staff.entrySet()) {
                answers.add(pool.submit(() -> {
                    String body = "{\"device\":\"phone-" + person.getKey() + "\",\"entries\":[{\"id\":\"" + UUID.randomUUID()
                            + "\",\"kind\":\"rollcall.marked\",\"incident\":\"" + fire + "\",\"recordedAt\":\"" + Instant.now()
                            + "\",\"payload\":{\"status\":\"safe\"}}]}";
                    String auth = Base64.getEncoder().encodeToString((person.getKey() + ":" + person.getValue()).getBytes(StandardCharsets.UTF_8));
                    go.await();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(push).header("Authorization", "Basic " + auth)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() + " " + r.body();
                }));
            }
            go.countDown();
            for (Future<String> f : answers) {
                assertThat(f.get()).startsWith("200").contains("\"status\":\"stored\"");
            }
        }

        Api.Answer rollCall = api.get("manager", "/api/incidents/" + fire + "/rollcall");
        assertThat(counts(rollCall)).containsEntry("total", 500).containsEntry("safe", 500).containsEntry("unknown", 0)
                .containsEntry("missing", 0).containsEntry("accounted", 500);
        assertThat(peopleOf(rollCall)).hasSize(500).allSatisfy(p -> assertThat(p).containsEntry("status", "safe")
                .containsEntry("via", "self").containsEntry("marks", 1));
        assertThat(logTypes(fire).stream().filter("rollcall.marked"::equals).count()).isEqualTo(500);
        assertThat(api.post("manager", "/api/incidents/" + fire + "/rollcall/close", Map.of()).status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMarshalsTabletThatMarkedFiftyPeopleOfflineSyncsWithoutDoublingAnyone() {
        String site = site();
        Map<String, String> staff = staffOnShift(site, 50);
        List<String> names = new ArrayList<>(staff.keySet());
        String fire = freshFire();
        assertThat(api.post("manager", "/api/incidents/" + fire + "/fire/triage", Map.of("answer", "real", "site", site)).status()).isEqualTo(201);

        // twenty mark themselves safe on their phones while the marshal's tablet is offline
        for (String name : names.subList(0, 20)) {
            assertThat(api.post(name + ":" + staff.get(name), "/api/incidents/" + fire + "/rollcall/marks",
                    Map.of("status", "safe")).status()).isEqualTo(201);
        }
        // the tablet marked all fifty at the assembly point, earlier, and syncs now
        Instant offline = Instant.now().minus(Duration.ofMinutes(4));
        List<Map<String, Object>> tablet = new ArrayList<>();
        for (String name : names) {
            tablet.add(entry("rollcall.marked", fire, Map.of("username", name, "status", "safe"), offline));
        }
        List<Map<String, Object>> results = push("lead1", "tablet-assembly-1", tablet);
        assertThat(results).hasSize(50).allSatisfy(r -> assertThat(r).containsEntry("status", "stored"));

        Api.Answer rollCall = api.get("manager", "/api/incidents/" + fire + "/rollcall");
        assertThat(counts(rollCall)).containsEntry("total", 50).containsEntry("safe", 50).containsEntry("unknown", 0);

        // a second tablet marked the same people: stored (they are facts), counted once
        List<Map<String, Object>> second = new ArrayList<>();
        for (String name : names) {
            second.add(entry("rollcall.marked", fire, Map.of("username", name, "status", "safe"), offline));
        }
        assertThat(push("manager", "tablet-assembly-2", second)).allSatisfy(r -> assertThat(r).containsEntry("status", "stored"));
        // the first tablet, unsure its push went through, sends it again: nothing changes
        assertThat(push("lead1", "tablet-assembly-1", tablet)).allSatisfy(r -> assertThat(r).containsEntry("status", "duplicate"));

        rollCall = api.get("manager", "/api/incidents/" + fire + "/rollcall");
        assertThat(counts(rollCall)).containsEntry("total", 50).containsEntry("safe", 50).containsEntry("unknown", 0)
                .containsEntry("accounted", 50);
        for (Map<String, Object> p : peopleOf(rollCall)) {
            int self = names.indexOf((String) p.get("username")) < 20 ? 1 : 0;
            assertThat(p).containsEntry("status", "safe").containsEntry("marks", 2 + self);
            // the first mark that made them safe stands: their own, or the first tablet's
            assertThat(p.get("markedBy")).isEqualTo(self == 1 ? p.get("username") : "lead1");
        }
        assertThat(logTypes(fire).stream().filter("rollcall.marked"::equals).count()).isEqualTo(120);
    }

    @Test
    @SuppressWarnings("unchecked")
    void s5_1_anyAlarmZoneOutOfItsNormalStateShowsAndTheManagersAreTold() {
        String site = site();
        assertThat(api.send(io.micronaut.http.HttpRequest.PUT("/api/alarm/zones/" + site + "/Z1", Map.of("name", "Zone one", "floor", "2F")), "admin", "en").status()).isEqualTo(200);
        assertThat(api.send(io.micronaut.http.HttpRequest.PUT("/api/alarm/zones/" + site + "/Z2", Map.of("name", "Zone two")), "admin", "en").status()).isEqualTo(200);
        assertThat(api.send(io.micronaut.http.HttpRequest.PUT("/api/alarm/zones/" + site + "/Z3", Map.of("name", "Zone three")), "manager", "en").status()).isEqualTo(403);
        assertThat(api.list("agent1", "/api/alarm/zones?site=" + site)).hasSize(2).allSatisfy(z -> assertThat(z).containsEntry("state", "normal").containsEntry("normal", true));

        // a person sets a zone; the managers are told when it leaves normal
        Api.Answer set = api.post("lead1", "/api/alarm/zones/" + site + "/Z1/state", Map.of("state", "isolated", "note", "Hot works on 2F"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).containsEntry("state", "isolated").containsEntry("normal", false).containsEntry("changedBy", "lead1");
        assertThat(api.post("agent1", "/api/alarm/zones/" + site + "/Z1/state", Map.of("state", "normal")).status()).isEqualTo(403);
        assertThat(api.post("lead1", "/api/alarm/zones/" + site + "/Z9/state", Map.of("state", "alarm")).status()).isEqualTo(400);
        assertThat(api.post("lead1", "/api/alarm/zones/" + site + "/Z1/state", Map.of("state", "on fire")).status()).isEqualTo(400);

        // the alarm panel pushes every zone: only the change is recorded
        long before = journal.head();
        Api.Answer panel = api.post("it", "/api/alarm/panel", Map.of("site", site, "zones",
                List.of(Map.of("zone", "Z1", "state", "isolated"), Map.of("zone", "Z2", "state", "alarm"))));
        assertThat(panel.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) panel.get("zones")).hasSize(2);
        List<Map<String, Object>> zones = api.list("agent1", "/api/alarm/zones?site=" + site);
        assertThat(zones).filteredOn(z -> Boolean.FALSE.equals(z.get("normal"))).extracting(z -> z.get("code")).containsExactly("Z1", "Z2");
        List<StoredEntry> recorded = journal.pull(before, 100,
                new org.stormdesk.journal.Actor("admin", java.util.Set.of("admin"))).entries();
        assertThat(recorded.stream().filter(e -> e.kind().equals("alarm.zone.set")).toList()).hasSize(1)
                .first().satisfies(e -> assertThat(e.device()).isEqualTo("alarm-panel"));
        assertThat(recorded.stream().filter(e -> e.kind().equals("notice.requested")).toList()).hasSize(1)
                .first().satisfies(e -> assertThat(e.payload()).containsEntry("audience", List.of("role:manager")));
        assertThat(api.post("agent1", "/api/alarm/panel", Map.of("site", site, "zones", List.of())).status()).isEqualTo(403);

        // back to normal
        api.post("it", "/api/alarm/panel", Map.of("site", site, "zones",
                List.of(Map.of("zone", "Z1", "state", "normal"), Map.of("zone", "Z2", "state", "normal"))));
        assertThat(api.list("agent1", "/api/alarm/zones?site=" + site)).allSatisfy(z -> assertThat(z).containsEntry("normal", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFireEvacuationDrillIsMarkedNotifiesOnlyItsParticipantsAndIsCountedApart() {
        Map<String, Object> before = api.get("manager", "/api/incidents/counts").body();
        Api.Answer started = api.post("manager", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "fire",
                "drill", true, "participants", List.of("agent1", "agent2")));
        assertThat(started.status()).isEqualTo(201);
        String drill = (String) started.get("incidentId");

        // an agent may not start one; a drill names its participants
        assertThat(api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "fire",
                "drill", true, "participants", List.of("agent1"))).status()).isEqualTo(400);
        assertThat(api.post("manager", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "fire",
                "drill", true, "participants", List.of("nobody-here"))).status()).isEqualTo(400);

        Api.Answer incident = api.get("agent1", "/api/incidents/" + drill);
        assertThat(incident.get("drill")).isEqualTo(true);
        assertThat((List<String>) incident.get("participants")).containsExactly("agent1", "agent2");
        // a real fire report never joins the drill
        String real = freshFire();
        assertThat(real).isNotEqualTo(drill);

        // counted and listed apart
        Map<String, Object> after = api.get("manager", "/api/incidents/counts").body();
        assertThat(((Number) after.get("drillsAll")).longValue()).isEqualTo(((Number) before.get("drillsAll")).longValue() + 1);
        assertThat(api.list("manager", "/api/incidents?drill=exclude")).noneMatch(i -> drill.equals(i.get("id")));
        assertThat(api.list("manager", "/api/incidents?drill=only")).anyMatch(i -> drill.equals(i.get("id")))
                .allSatisfy(i -> assertThat(i).containsEntry("drill", true));
        assertThat(api.list("manager", "/api/incidents")).anyMatch(i -> drill.equals(i.get("id")) && Boolean.TRUE.equals(i.get("drill")));

        // the evacuation drill: roll call of the participants alone, told it is a drill
        assertThat(api.post("manager", "/api/incidents/" + drill + "/fire/triage", Map.of("answer", "real")).status()).isEqualTo(201);
        Api.Answer rollCall = api.get("manager", "/api/incidents/" + drill + "/rollcall");
        assertThat(rollCall.get("drill")).isEqualTo(true);
        assertThat(peopleOf(rollCall)).extracting(p -> p.get("username")).containsExactlyInAnyOrder("agent1", "agent2");

        // every notice of the drill (its opening, the playbook's escalation, the evacuation) reached participants only
        List<Map<String, Object>> deliveries = api.list("manager", "/api/incidents/" + drill + "/deliveries");
        assertThat(deliveries).isNotEmpty();
        assertThat(deliveries).extracting(d -> d.get("recipient")).allMatch(r -> r.equals("user:agent1") || r.equals("user:agent2"));
        List<Map<String, Object>> inbox = (List<Map<String, Object>>) api.get("agent1", "/api/notify/inbox").get("notices");
        assertThat(inbox).filteredOn(n -> drill.equals(n.get("incident"))).isNotEmpty()
                .allSatisfy(n -> assertThat((String) n.get("text")).startsWith("[DRILL, not real]"));
        List<Map<String, Object>> managerInbox = (List<Map<String, Object>>) api.get("manager", "/api/notify/inbox").get("notices");
        assertThat(managerInbox).noneMatch(n -> drill.equals(n.get("incident")));

        assertThat(api.post("agent1", "/api/incidents/" + drill + "/rollcall/marks", Map.of("status", "safe")).status()).isEqualTo(201);
        assertThat(api.post("lead1", "/api/incidents/" + drill + "/rollcall/marks", Map.of("username", "agent2", "status", "safe")).status()).isEqualTo(201);
        assertThat(api.post("manager", "/api/incidents/" + drill + "/rollcall/close", Map.of()).status()).isEqualTo(200);
        assertThat(logTexts(drill)).anyMatch(t -> t.contains("Evacuation drill: roll call of the 2 participants"));
        api.post("manager", "/api/incidents/" + real + "/resolve", Map.of());
    }
}
