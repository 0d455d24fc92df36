package org.stormdesk.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.people.NewPerson;
import org.stormdesk.people.People;
import org.stormdesk.site.db.OccupancyRepository;
import org.stormdesk.site.db.OccupancyRow;
import org.stormdesk.site.internal.FaultNoticeSweep;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * General equipment failure (S1.1 to S1.4) on the demo floor (site hq, floor 3F: with a PC, monitor,
 * headset and phone; B-01 to B-04 the same; B-05 to B-12 without a phone). Each test works on seats of its own.
 */
public abstract class SiteContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    MutableClock clock;
    @Inject
    FaultNoticeSweep sweep;
    @Inject
    People people;
    @Inject
    OccupancyRepository occupancy;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        for (int i = 2; i <= 9; i++) {
            people.addIfAbsent(new NewPerson("manager" + i, "Manager " + i, List.of("manager"), null, null, "demo"));
        }
        for (int i = 10; i <= 30; i++) {
            people.addIfAbsent(new NewPerson("agent" + i, "Agent " + i, List.of("agent"), "B", null, "demo"));
        }
    }

    Api.Answer move(String by, String username, String seat) {
        return api.post(by, "/api/site/moves", Map.of("username", username, "seat", seat));
    }

    void seat(String username, String seat) {
        assertThat(move("manager", username, seat).status()).isEqualTo(201);
    }

    Map<String, Object> seatView(String code) {
        return seatsOfTheFloor().stream().filter(s -> code.equals(s.get("code"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seatsOfTheFloor() {
        return (List<Map<String, Object>>) api.get("manager", "/api/site/floors/hq/3F").get("seats");
    }

    String reportFault(String agent, String seat, String device) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("kind", "equipment");
        body.put("seat", seat);
        if (device != null) {
            body.put("device", device);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", "report.filed");
        entry.put("recordedAt", Instant.now().toString());
        entry.put("payload", Map.of("kind", "equipment", "seat", seat, "device", device));
        Api.Answer a = api.post(agent, "/api/sync/push", Map.of("device", "pwa-test", "entries", List.of(entry)));
        assertThat(a.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>) a.get("results")).getFirst();
        assertThat(result.get("status")).as(String.valueOf(result.get("reason"))).isEqualTo("stored");
        return (String) result.get("incident");
    }

    @Test
    @SuppressWarnings("unchecked")
    void s1_1_anAgentReportsAFaultyDeviceFromTheSeatAndTheMapShowsTheSeatBroken() {
        seat("agent10", "A-10");
        String incident = reportFault("agent10", "A-10", "headset");

        Map<String, Object> view = seatView("A-10");
        assertThat(view).containsEntry("state", "broken").containsEntry("occupant", "agent10").containsEntry("incident", incident);
        List<Map<String, Object>> devices = (List<Map<String, Object>>) view.get("equipment");
        assertThat(devices).filteredOn(d -> Boolean.TRUE.equals(d.get("broken"))).extracting(d -> d.get("kind"))
                .containsExactly("headset");

        // the incident is the seat's (equipment incidents are per seat) and its log names the device
        Map<String, Object> opened = api.get("manager", "/api/incidents/" + incident).body();
        assertThat(opened).containsEntry("kind", "equipment").containsEntry("seat", "A-10");
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).anySatisfy(l -> assertThat((String) l.get("text")).contains("A-10").contains("headset"));

        // a second report of the same device counts on the same fault; a device the seat does not have is refused
        assertThat(reportFault("agent10", "A-10", "headset")).isEqualTo(incident);
        Map<String, Object> history = api.get("manager", "/api/site/seats/A-10").body();
        Map<String, Object> headset = ((List<Map<String, Object>>) history.get("devices")).stream()
                .filter(d -> "headset".equals(d.get("kind"))).findFirst().orElseThrow();
        assertThat(headset.get("faultCount")).isEqualTo(1);
        assertThat(((List<Map<String, Object>>) headset.get("faults")).getFirst().get("reports")).isEqualTo(2);

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", "report.filed");
        entry.put("recordedAt", Instant.now().toString());
        entry.put("payload", Map.of("kind", "equipment", "seat", "B-11", "device", "phone"));
        Map<String, Object> refused = ((List<Map<String, Object>>) api.post("agent10", "/api/sync/push",
                Map.of("device", "pwa-test", "entries", List.of(entry))).get("results")).getFirst();
        assertThat(refused).containsEntry("status", "refused");
        assertThat((String) refused.get("reason")).contains("B-11").contains("phone");
    }

    @Test
    @SuppressWarnings("unchecked")
    void s1_2_theManagerMovesTheAgentFromABrokenSeatToTheProposedNearestSeatWithTheSameEquipment() {
        // B-01 to B-04 have a phone; B-03 and B-04 are taken; B-02 breaks: the nearest free seat with a phone is B-01
        seat("agent11", "B-02");
        seat("agent12", "B-03");
        seat("agent13", "B-04");
        String incident = reportFault("agent11", "B-02", "pc");

        Map<String, Object> proposal = api.get("manager", "/api/site/proposal?username=agent11").body();
        assertThat(proposal).containsEntry("from", "B-02");
        assertThat((Map<String, Object>) proposal.get("seat")).containsEntry("code", "B-01");

        // a broken or taken seat is refused; the proposed one is taken in one action
        assertThat(move("manager", "agent11", "B-03").status()).isEqualTo(409);
        assertThat(move("manager", "agent12", "B-02").status()).isEqualTo(409);
        Api.Answer moved = move("manager", "agent11", "B-01");
        assertThat(moved.status()).isEqualTo(201);
        assertThat((Map<String, Object>) moved.get("placement")).containsEntry("seat", "B-01");
        assertThat(seatView("B-01")).containsEntry("state", "taken").containsEntry("occupant", "agent11");
        assertThat(seatView("B-02")).containsEntry("state", "broken").doesNotContainKey("occupant");

        // the move off the broken seat is in the seat's management log
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).anySatisfy(l -> assertThat(l).containsEntry("type", "seat.moved"));

        // or to other work, in one action; agents may not move anyone
        Api.Answer other = api.post("manager", "/api/site/moves", Map.of("username", "agent12", "work", "Callbacks from the list"));
        assertThat(other.status()).isEqualTo(201);
        assertThat((Map<String, Object>) other.get("placement")).containsEntry("work", "Callbacks from the list");
        assertThat(seatView("B-03")).containsEntry("state", "free");
        Map<String, Object> floor = api.get("manager", "/api/site/floors/hq/3F").body();
        assertThat((List<Map<String, Object>>) floor.get("otherWork")).anySatisfy(w -> assertThat(w).containsEntry("username", "agent12"));
        assertThat(move("agent13", "agent13", "B-05").status()).isEqualTo(403);
    }

    @Test
    void s1_2_managersMovingAgentsAtTheSameTimeNeverPutTwoOnOneSeat() throws Exception {
        int managers = 8;
        for (int round = 0; round < 3; round++) {
            String target = String.format("B-%02d", 6 + round);
            ExecutorService pool = Executors.newFixedThreadPool(managers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int m = 0; m < managers; m++) {
                String manager = m == 0 ? "manager" : "manager" + (m + 1);
                String agent = "agent" + (14 + m);
                Callable<Integer> call = () -> {
                    go.await();
                    return move(manager, agent, target).status();
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(managers - 1);
            assertThat(occupancy.findAllOrderBySeat()).filteredOn(o -> o.seat().equals(target)).hasSize(1);
        }
        // the rule is the database's too: a second person on a taken seat, or one person on two seats, is refused there
        OccupancyRow taken = occupancy.findAllOrderBySeat().getFirst();
        assertThatThrownBy(() -> occupancy.save(new OccupancyRow(taken.seat(), "agent29", Instant.now(), "test", 0)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> occupancy.save(new OccupancyRow("B-12", taken.username(), Instant.now(), "test", 0)))
                .isInstanceOf(RuntimeException.class);
        assertThat(occupancy.findByUsername("agent29")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void s1_3_s1_4_maintenanceIsToldTheSeatAndDeviceMarksItFixedAndTheLogAndHistoryKeepBothTimes() {
        seat("agent20", "A-11");
        String incident = reportFault("agent20", "A-11", "phone");

        assertThat(sweep.run()).isGreaterThanOrEqualTo(1);
        StoredEntry notice = journal.incidentLog(UUID.fromString(incident)).stream()
                .filter(e -> e.kind().equals("notice.requested")).findFirst().orElseThrow();
        assertThat(notice.payload()).containsEntry("audience", List.of("role:maintenance"));
        assertThat(((Map<String, String>) notice.payload().get("message")).get("en")).contains("A-11").contains("phone");
        assertThat(sweep.run()).isZero();

        List<Map<String, Object>> open = api.list("it", "/api/site/faults");
        assertThat(open).anySatisfy(f -> assertThat(f).containsEntry("seat", "A-11").containsEntry("device", "phone")
                .containsEntry("occupant", "agent20"));

        clock.advance(Duration.ofMinutes(42));
        assertThat(api.post("agent20", "/api/site/seats/A-11/fixed", Map.of("device", "phone")).status()).isEqualTo(403);
        Api.Answer fixed = api.post("it", "/api/site/seats/A-11/fixed", Map.of("device", "phone", "note", "new handset"));
        assertThat(fixed.status()).isEqualTo(201);
        assertThat(seatView("A-11")).containsEntry("state", "taken");
        assertThat(api.post("it", "/api/site/seats/A-11/fixed", Map.of("device", "phone")).status()).isEqualTo(400);

        Map<String, Object> phone = ((List<Map<String, Object>>) fixed.get("devices")).stream()
                .filter(d -> "phone".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> fault = ((List<Map<String, Object>>) phone.get("faults")).getFirst();
        assertThat(fault).containsEntry("fixedBy", "it").containsEntry("note", "new handset");
        assertThat(((Number) fault.get("repairMinutes")).longValue()).isBetween(41L, 43L);
        assertThat(phone.get("mttrMinutes")).isNotNull();

        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).extracting(l -> l.get("type")).contains("report.filed", "equipment.fixed");
        assertThat(log).anySatisfy(l -> assertThat((String) l.get("text")).contains("it").contains("A-11").contains("fixed"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void resolvingTheSeatsIncidentEndsItsFaults() {
        String incident = reportFault("agent21", "A-12", "monitor");
        assertThat(seatView("A-12")).containsEntry("state", "broken");
        assertThat(api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of()).status()).isEqualTo(200);
        assertThat(seatView("A-12")).containsEntry("state", "free");
        Map<String, Object> history = api.get("manager", "/api/site/seats/A-12").body();
        assertThat((List<Map<String, Object>>) history.get("devices")).anySatisfy(d -> {
            assertThat(d).containsEntry("kind", "monitor").containsEntry("faultCount", 1);
            assertThat(((List<Map<String, Object>>) d.get("faults")).getFirst()).containsEntry("fixedBy", "manager");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminDrawsAFloorAndEachMistakeIsNamedWithNothingSaved() {
        Map<String, Object> plan = Map.of("name", "Annex ground floor", "rows", 2, "cols", 3, "seats", List.of(
                Map.of("code", "X-01", "zone", "X", "row", 0, "col", 0, "equipment", List.of(Map.of("kind", "pc"), Map.of("kind", "phone"))),
                Map.of("code", "X-02", "zone", "X", "row", 0, "col", 0, "equipment", List.of(Map.of("kind", "toaster"))),
                Map.of("code", "A-01", "zone", "X", "row", 1, "col", 5, "equipment", List.of())));
        Api.Answer bad = api.send(HttpRequest.PUT("/api/site/floors/annex/G", plan), "admin", "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) bad.get("errors")).extracting(e -> e.get("field"))
                .contains("seats[1].row", "seats[1].equipment[0].kind", "seats[2].code", "seats[2].row");
        assertThat(api.get("admin", "/api/site/floors/annex/G").status()).isEqualTo(404);

        Map<String, Object> good = Map.of("name", "Annex ground floor", "rows", 2, "cols", 3, "seats", List.of(
                Map.of("code", "X-01", "zone", "X", "row", 0, "col", 0, "equipment", List.of(Map.of("kind", "pc"), Map.of("kind", "phone"))),
                Map.of("code", "X-02", "zone", "X", "row", 1, "col", 2, "equipment", List.of(Map.of("kind", "headset", "label", "HS-9")))));
        assertThat(api.send(HttpRequest.PUT("/api/site/floors/annex/G", good), "manager", "en").status()).isEqualTo(403);
        Api.Answer saved = api.send(HttpRequest.PUT("/api/site/floors/annex/G", good), "admin", "en");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).containsEntry("rows", 2).containsEntry("cols", 3).containsEntry("floorName", "Annex ground floor");
        assertThat((List<Map<String, Object>>) saved.get("seats")).extracting(s -> s.get("code")).containsExactly("X-01", "X-02");
        assertThat(api.list("agent1", "/api/site/sites")).anySatisfy(s -> assertThat(s).containsEntry("code", "annex"));
    }
}
