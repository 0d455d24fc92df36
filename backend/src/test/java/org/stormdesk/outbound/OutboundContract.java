package org.stormdesk.outbound;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S7.3 and S7.4: the day's outbound plan is imported and given to the outbound agents within their capacity and skills;
 * agents work their own lists (offline too, through the journal); when an agent is pulled onto the inbound lines, or
 * outbound volume grows, the manager reviews the proposed reallocation (the most important calls kept covered) and
 * applies it; the agents whose lists changed are told. Runs at 08:59 in the center's zone, whatever the hour: the demo
 * outbound agents (agent5, agent6) work all day, two calls an hour each (the test's setting), so each has room for 29
 * calls before the last one is due at 23:45.
 */
public abstract class OutboundContract {

    static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MutableClock clock;

    Api api;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        ZonedDateTime now = clock.instant().atZone(CENTER);
        ZonedDateTime at = now.toLocalDate().atTime(8, 59).atZone(CENTER);
        if (!at.isAfter(now)) {
            at = at.plusDays(1);
        }
        clock.advance(Duration.between(now, at));
        day = at.toLocalDate();
    }

    Api.Answer importPlan(String user, String csv, String language) {
        return api.send(HttpRequest.POST("/api/outbound/plan/import?day=" + day, csv).contentType(MediaType.of("text/csv")), user, language);
    }

    static String row(String campaign, String name, int priority, String due, String skill) {
        return campaign + "," + name + ",138 0013 8" + String.format("%03d", Math.abs(name.hashCode()) % 1000) + "," + priority + "," + due + ","
                + (skill == null ? "" : skill) + ",\n";
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mine(String user) {
        return api.list(user, "/api/outbound/mine");
    }

    @SuppressWarnings("unchecked")
    @Test
    void s7_3_s7_4_thePlanIsAssignedWorkedAndReallocatedWhenAnAgentIsPulledOrVolumeGrows() throws InterruptedException {
        // --- S7.3: the plan: 10 urgent debt calls in Chinese by 10:00, 20 renewals by 12:00, 10 surveys by 20:00 ---
        StringBuilder csv = new StringBuilder(String.join(",", OutboundDesk.CSV_COLUMNS)).append('\n');
        for (int i = 0; i < 10; i++) {
            csv.append(row("Overdue bills", "Debtor " + i, 1, "10:00", "zh"));
        }
        for (int i = 0; i < 20; i++) {
            csv.append(row("Renewals", "Renewal " + i, 2, String.format("11:%02d", 30 + i), null));
        }
        for (int i = 0; i < 10; i++) {
            csv.append(row("Survey", "Survey " + i, 5, "23:45", null));
        }
        csv.append("Survey,Bad phone,12345,3,12:00,,\n")
                .append("Survey,Bad priority,138 0013 8000,0,12:00,,\n")
                .append(",No campaign,138 0013 8000,3,12:00,,\n")
                .append("Survey,Bad time,138 0013 8000,3,noon,,\n");
        assertThat(importPlan("agent1", csv.toString(), "en").status()).isEqualTo(403);
        Api.Answer imported = importPlan("manager", csv.toString(), "zh-CN");
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.get("planned")).isEqualTo(40);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) imported.get("errors");
        assertThat(errors).extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(42, "phone"), org.assertj.core.groups.Tuple.tuple(43, "priority"),
                        org.assertj.core.groups.Tuple.tuple(44, "campaign"), org.assertj.core.groups.Tuple.tuple(45, "dueAt"));
        assertThat((String) errors.getFirst().get("message")).contains("不是电话号码");

        // each agent has room for 2 calls an hour until the last call is due (23:45): 29 each, so all 40 found an agent
        Map<String, Object> proposal = api.get("manager", "/api/outbound/reallocation").body();
        List<Map<String, Object>> agents = (List<Map<String, Object>>) proposal.get("agents");
        assertThat(agents).extracting(a -> a.get("username")).containsExactlyInAnyOrder("agent5", "agent6");
        int capacity = ((Number) agents.getFirst().get("capacity")).intValue();
        assertThat(capacity).isEqualTo(29);
        assertThat(imported.get("assigned")).isEqualTo(40);
        assertThat(proposal).containsEntry("needed", false).containsEntry("covered", 40);
        List<Map<String, Object>> five = mine("agent5");
        List<Map<String, Object>> six = mine("agent6");
        assertThat(five.size() + six.size()).isEqualTo(40);
        assertThat(five).hasSizeBetween(15, 25);
        // most important first, the number whole for the agent who calls
        assertThat(five.getFirst()).containsEntry("priority", 1).containsEntry("campaign", "Overdue bills");
        assertThat((String) five.getFirst().get("phone")).startsWith("138 ");
        assertThat(mine("agent1")).isEmpty();

        // the day's plan for the manager
        Map<String, Object> plan = api.get("manager", "/api/outbound/plan?day=" + day).body();
        assertThat(plan).containsEntry("total", 40).containsEntry("open", 40).containsEntry("unassigned", 0);
        assertThat(api.get("agent1", "/api/outbound/plan").status()).isEqualTo(403);

        // --- agents work their lists: calls recorded as journal entries (as a phone sends them after an outage) ---
        String first = (String) five.getFirst().get("id");
        assertThat(push("agent1", attempt(first, "done")).getFirst()).containsEntry("status", "refused");
        assertThat(push("agent5", attempt(first, "done")).getFirst()).containsEntry("status", "stored");
        assertThat(api.get("agent5", "/api/outbound/tasks/" + first).body()).containsEntry("state", "done");
        String second = (String) five.get(1).get("id");
        for (int i = 0; i < 3; i++) {
            assertThat(push("agent5", attempt(second, "no-answer")).getFirst()).containsEntry("status", "stored");
        }
        Map<String, Object> unreached = api.get("agent5", "/api/outbound/tasks/" + second).body();
        assertThat(unreached).containsEntry("state", "closed").containsEntry("attempts", 3);
        assertThat((List<Map<String, Object>>) unreached.get("history")).extracting(h -> h.get("kind"))
                .containsExactly("planned", "attempted", "attempted", "attempted");
        Map<String, Object> refusal = push("agent5", attempt(second, "done")).getFirst();
        assertThat(refusal).containsEntry("status", "refused");
        assertThat((String) refusal.get("reason")).contains("closed");

        // --- S7.4: a surge pulls agent5 onto the inbound lines ---
        String incident = surgePulls("agent5");
        proposal = api.get("manager", "/api/outbound/reallocation").body();
        assertThat(proposal).containsEntry("needed", true);
        assertThat((List<String>) proposal.get("pulled")).containsExactly("agent5");
        assertThat(proposal).containsEntry("incident", incident);
        // agent5's calls will not be made while agent5 is on the lines: each is at risk
        List<Map<String, Object>> planned = (List<Map<String, Object>>) api.get("manager", "/api/outbound/plan?day=" + day).get("tasks");
        assertThat(planned).filteredOn(t -> "agent5".equals(t.get("assignee")) && "open".equals(t.get("state")))
                .isNotEmpty().allMatch(t -> Boolean.TRUE.equals(t.get("atRisk")) && t.get("expectedBy") == null);
        // the managers were told, without anyone asking
        assertThat(told("manager", "pulled onto the lines; 9 cannot be made in time")).isTrue();
        assertThat(((Number) proposal.get("orphaned")).intValue()).isEqualTo(five.size() - 2);
        assertThat((List<Map<String, Object>>) proposal.get("agents")).extracting(a -> a.get("username")).containsExactly("agent6");
        // 38 open calls, room for 29 with agent6: the urgent and the renewals are kept, surveys give way
        int open = 38;
        int room = ((Number) ((List<Map<String, Object>>) proposal.get("agents")).getFirst().get("capacity")).intValue();
        assertThat(proposal).containsEntry("open", open).containsEntry("covered", Math.min(open, room));
        List<Map<String, Object>> uncovered = (List<Map<String, Object>>) proposal.get("uncovered");
        assertThat(uncovered).hasSize(open - room).allMatch(m -> "Survey".equals(m.get("campaign")) && m.get("to") == null);
        List<Map<String, Object>> moves = (List<Map<String, Object>>) proposal.get("moves");
        assertThat(moves).allMatch(m -> "agent6".equals(m.get("to")) || m.get("to") == null);
        assertThat(moves).filteredOn(m -> m.get("to") == null).allMatch(m -> "Survey".equals(m.get("campaign")));

        // reviewed and applied: only by a manager, only as reviewed
        Map<String, Object> body = Map.of("basis", proposal.get("basis"), "incident", incident);
        assertThat(api.post("lead1", "/api/outbound/reallocation", body).status()).isEqualTo(403);
        Api.Answer stale = api.post("manager", "/api/outbound/reallocation", Map.of("basis", "0".repeat(64)), "en");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(String.valueOf(stale.get("detail"))).contains("changed since");
        Api.Answer applied = api.post("manager", "/api/outbound/reallocation", body, "en");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.get("moved")).isEqualTo(moves.size());
        assertThat(mine("agent5")).noneMatch(t -> "open".equals(t.get("state")));
        List<Map<String, Object>> sixNow = mine("agent6").stream().filter(t -> "open".equals(t.get("state"))).toList();
        assertThat(sixNow).hasSize(room).extracting(t -> t.get("campaign")).contains("Overdue bills", "Renewals");
        assertThat(api.get("manager", "/api/outbound/reallocation").body()).containsEntry("needed", false);
        // covered is not the same as in time: at two calls an hour from 08:59, agent6 reaches at most two of the eight
        // urgent calls before they are due at 10:00; the others are flagged at risk, in agent6's list and in the plan
        List<Map<String, Object>> urgent = sixNow.stream().filter(t -> "Overdue bills".equals(t.get("campaign"))).toList();
        assertThat(urgent).hasSize(8);
        assertThat(urgent.stream().filter(t -> !Boolean.TRUE.equals(t.get("atRisk"))).count()).isBetween(1L, 2L);
        assertThat(urgent.subList(2, 8)).allMatch(t -> Boolean.TRUE.equals(t.get("atRisk")) && t.get("expectedBy") != null);
        assertThat(((Number) api.get("manager", "/api/outbound/plan?day=" + day).get("atRisk")).intValue()).isGreaterThanOrEqualTo(6);
        // the same basis again changes nothing more
        assertThat(api.post("manager", "/api/outbound/reallocation", body, "en").status()).isEqualTo(409);

        // agent6 was told; the incident's log holds the reallocation
        assertThat(told("agent6", "outbound list changed")).isTrue();
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        String reallocated = "manager reallocated " + moves.size();
        assertThat(log.stream().map(l -> String.valueOf(l.get("text")))).anyMatch(t -> t.contains(reallocated));

        // --- outbound volume grows: five more urgent calls, agent6 is full, so the import leaves them to the review ---
        StringBuilder more = new StringBuilder(String.join(",", OutboundDesk.CSV_COLUMNS)).append('\n');
        for (int i = 0; i < 5; i++) {
            more.append(row("Recall notice", "Recall " + i, 1, "15:00", null));
        }
        Api.Answer grown = importPlan("manager", more.toString(), "en");
        assertThat(grown.get("planned")).isEqualTo(5);
        assertThat(grown.get("unassigned")).isEqualTo(5);
        proposal = api.get("manager", "/api/outbound/reallocation").body();
        List<Map<String, Object>> grownMoves = (List<Map<String, Object>>) proposal.get("moves");
        assertThat(grownMoves).filteredOn(m -> "agent6".equals(m.get("to"))).extracting(m -> m.get("campaign")).containsOnly("Recall notice").hasSize(5);
        // the five least important calls agent6 had give way: the surveys it kept, then the renewals due last
        List<Map<String, Object>> dropped = grownMoves.stream().filter(m -> m.get("to") == null).toList();
        assertThat(dropped).hasSize(5).extracting(m -> m.get("campaign")).containsOnly("Survey", "Renewals");
        assertThat(dropped).filteredOn(m -> "Renewals".equals(m.get("campaign"))).extracting(m -> m.get("customerName"))
                .isSubsetOf("Renewal 15", "Renewal 16", "Renewal 17", "Renewal 18", "Renewal 19");
    }

    @SuppressWarnings("unchecked")
    String surgePulls(String username) {
        String queue = "ob-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.send(HttpRequest.PUT("/api/traffic/queues/" + queue, Map.of("name", "Hotline", "channel", "voice")),
                "manager", "en").status()).isEqualTo(200);
        String incident = (String) api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "surge"))
                .get("incidentId");
        List<Map<String, Object>> moved = client.toBlocking().retrieve(HttpRequest.POST("/api/traffic/staff/moves",
                        Map.of("incident", incident, "queue", queue, "usernames", List.of(username))).basicAuth("manager", "demo"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(moved).extracting(m -> m.get("status")).containsExactly("stored");
        return incident;
    }

    @SuppressWarnings("unchecked")
    boolean told(String user, String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> notices = (List<Map<String, Object>>) api.get(user, "/api/notify/inbox").get("notices");
            if (notices.stream().anyMatch(n -> String.valueOf(n.get("text")).contains(text))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    Map<String, Object> attempt(String task, String outcome) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", OutboundKinds.ATTEMPTED);
        entry.put("recordedAt", clock.instant().toString());
        entry.put("payload", Map.of("taskId", task, "outcome", outcome));
        return entry;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> push(String user, Map<String, Object> entry) {
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-test", "entries", List.of(entry)), "en");
        assertThat(a.status()).isEqualTo(200);
        return (List<Map<String, Object>>) a.get("results");
    }
}
