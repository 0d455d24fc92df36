package org.stormdesk.escalation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.app.Messages;
import org.stormdesk.escalation.internal.EscalationSweep;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playbooks run themselves (S2.7, S3.1, S3.2): timers fire when due and not before, escalate level after
 * level until someone acknowledges, stop when the incident is resolved; steps are worked by their roles; the
 * incident page tells how well the specification was followed. Time is moved by the test clock (real time
 * plus what the test adds), so "not before" is proven a minute ahead and "at" a few seconds after.
 */
public abstract class EscalationContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    MutableClock clock;
    @Inject
    EscalationSweep sweep;

    Api api;

    @BeforeEach
    void quietCenter() {
        api = new Api(client);
        for (Map<String, Object> open : api.list("manager", "/api/incidents?state=open")) {
            api.post("manager", "/api/incidents/" + open.get("id") + "/resolve", Map.of());
        }
        clock.advance(Duration.ofMinutes(1));
        sweep.run();
    }

    String report(String user, String kind) {
        Api.Answer a = api.post(user, "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", kind));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.get("joined")).isEqualTo(false);
        return (String) a.get("incidentId");
    }

    List<StoredEntry> entries(String incident, String kind) {
        return journal.incidentLog(UUID.fromString(incident)).stream().filter(e -> e.kind().equals(kind)).toList();
    }

    Map<String, Object> checklist(String incident) {
        Api.Answer a = api.get("manager", "/api/incidents/" + incident + "/playbook");
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> checklist, String list, String id) {
        return ((List<Map<String, Object>>) checklist.get(list)).stream()
                .filter(m -> id.equals(m.get("id")) || id.equals(m.get("target"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> levels(Map<String, Object> checklist, String timer) {
        return (List<Map<String, Object>>) item(checklist, "timers", timer).get("levels");
    }

    /** A few seconds past a due time, whatever real time passed while the test ran. */
    static final Duration PAST = Duration.ofSeconds(5);

    void advance(Duration d) {
        clock.advance(d);
        sweep.run();
    }

    @Test
    void s2_7_aSystemFailureEscalatesToLeadershipAfter60MinutesAndNotBefore() {
        Instant start = clock.instant();
        String incident = report("agent1", "system");
        Map<String, Object> level1 = levels(checklist(incident), "escalate-leadership").getFirst();
        assertThat(level1.get("state")).isEqualTo("pending");
        assertThat(Instant.parse((String) level1.get("dueAt"))).isBetween(start.plus(Duration.ofMinutes(60)),
                start.plus(Duration.ofMinutes(60)).plus(PAST));

        advance(Duration.ofMinutes(59));
        assertThat(entries(incident, "escalation.fired")).isEmpty();
        assertThat(levels(checklist(incident), "escalate-leadership").getFirst().get("state")).isEqualTo("pending");

        advance(Duration.ofMinutes(1).plus(PAST));
        List<StoredEntry> fired = entries(incident, "escalation.fired");
        assertThat(fired).hasSize(1);
        StoredEntry firing = fired.getFirst();
        assertThat(firing.actor()).isEqualTo("system");
        assertThat(firing.payload()).containsEntry("timer", "escalate-leadership").containsEntry("level", 1)
                .containsEntry("clause", "S2.7").containsEntry("audience", List.of("role:leadership"))
                .containsEntry("ackWithin", "PT10M");
        assertThat(((Map<String, Object>) firing.payload().get("message")).keySet()).containsExactlyInAnyOrder("zh-CN", "en", "zh-TW");
        Map<String, Object> after = levels(checklist(incident), "escalate-leadership").getFirst();
        assertThat(after.get("state")).isEqualTo("fired");
        assertThat(after.get("firing")).isEqualTo(firing.id().toString());

        // the sweep is idempotent: nothing fires twice
        sweep.run();
        assertThat(entries(incident, "escalation.fired")).hasSize(1);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).filteredOn(l -> "escalation.fired".equals(l.get("type"))).singleElement()
                .satisfies(l -> assertThat((String) l.get("text")).contains("S2.7", "leadership", "60 minutes"));
    }

    @Test
    void resolvingTheIncidentCancelsItsPendingEscalationAndTheLogSaysSo() {
        String incident = report("agent2", "system");
        advance(Duration.ofMinutes(30));
        api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of());
        advance(Duration.ofMinutes(31));
        assertThat(entries(incident, "escalation.fired")).isEmpty();
        Map<String, Object> level1 = levels(checklist(incident), "escalate-leadership").getFirst();
        assertThat(level1.get("state")).isEqualTo("cancelled");
        assertThat(level1.get("cancelReason")).isEqualTo("resolved");
        assertThat(item(checklist(incident), "timers", "escalate-leadership").get("compliance")).isEqualTo("notNeeded");
        assertThat(entries(incident, "escalation.cancelled")).singleElement()
                .satisfies(e -> assertThat(e.payload()).containsEntry("because", "resolved"));
        sweep.run();
        assertThat(entries(incident, "escalation.cancelled")).hasSize(1);
    }

    @Test
    void s3_2_aPowerOutageReportsToLeadershipAt30Minutes() {
        String incident = report("agent3", "power");
        advance(Duration.ofMinutes(29));
        assertThat(entries(incident, "escalation.fired")).isEmpty();
        advance(Duration.ofMinutes(1).plus(PAST));
        assertThat(entries(incident, "escalation.fired")).singleElement()
                .satisfies(e -> assertThat(e.payload()).containsEntry("clause", "S3.2")
                        .containsEntry("audience", List.of("role:leadership")));
    }

    @Test
    void s3_1_aPowerOutageShowsTheCallTreeWithNumbersToDialAndTakesReachedMarks() {
        String incident = report("agent3", "power");
        Map<String, Object> facilities = item(checklist(incident), "callTree", "contact:facilities");
        assertThat(facilities.get("phone")).isEqualTo("021-5555-0400");
        assertThat(facilities.get("tel")).isEqualTo("tel:02155550400");
        assertThat(facilities.get("state")).isEqualTo("open");
        assertThat(api.post("manager", "/api/incidents/" + incident + "/calls/facilities",
                Map.of("reached", true, "note", "on the way")).status()).isEqualTo(201);
        assertThat(api.post("manager", "/api/incidents/" + incident + "/calls/contact:property",
                Map.of("reached", false)).status()).isEqualTo(201);
        Map<String, Object> page = checklist(incident);
        assertThat(item(page, "callTree", "contact:facilities")).containsEntry("state", "reached").containsEntry("by", "manager")
                .containsEntry("note", "on the way");
        assertThat(item(page, "callTree", "contact:property").get("state")).isEqualTo("unreached");
        assertThat(api.post("agent1", "/api/incidents/" + incident + "/calls/facilities", Map.of("reached", true)).status())
                .isEqualTo(403);
        assertThat(api.post("manager", "/api/incidents/" + incident + "/calls/vendor-crm", Map.of("reached", true)).status())
                .isEqualTo(404);
    }

    @Test
    void anEscalationNobodyAcknowledgesWithinItsTimeGoesToTheNextLevel() {
        String incident = report("agent4", "system");
        advance(Duration.ofMinutes(60).plus(PAST));
        assertThat(entries(incident, "escalation.fired")).hasSize(1);
        advance(Duration.ofMinutes(9));
        assertThat(entries(incident, "escalation.fired")).hasSize(1);
        advance(Duration.ofMinutes(1).plus(PAST));
        List<StoredEntry> fired = entries(incident, "escalation.fired");
        assertThat(fired).hasSize(2);
        assertThat(fired.get(1).payload()).containsEntry("level", 2)
                .containsEntry("audience", List.of("role:leadership", "role:admin"));
        List<Map<String, Object>> levels = levels(checklist(incident), "escalate-leadership");
        assertThat(levels).extracting(l -> l.get("state")).containsExactly("superseded", "fired");
        assertThat(item(checklist(incident), "timers", "escalate-leadership").get("compliance")).isEqualTo("missed");
    }

    @Test
    void anAcknowledgedEscalationGoesNoFurther() {
        String incident = report("agent5", "system");
        advance(Duration.ofMinutes(60).plus(PAST));
        String firing = entries(incident, "escalation.fired").getFirst().id().toString();
        // an agent was not in the audience
        assertThat(api.post("agent1", "/api/escalations/" + firing + "/acknowledge", Map.of()).status()).isEqualTo(403);
        advance(Duration.ofMinutes(4));
        String clientId = UUID.randomUUID().toString();
        Api.Answer ack = api.post("leader", "/api/escalations/" + firing + "/acknowledge", Map.of("clientId", clientId));
        assertThat(ack.status()).isEqualTo(201);
        assertThat(api.post("leader", "/api/escalations/" + firing + "/acknowledge", Map.of("clientId", clientId)).status())
                .isEqualTo(200);
        advance(Duration.ofMinutes(30));
        assertThat(entries(incident, "escalation.fired")).hasSize(1);
        assertThat(entries(incident, "escalation.acknowledged")).hasSize(1);
        Map<String, Object> level1 = levels(checklist(incident), "escalate-leadership").getFirst();
        assertThat(level1).containsEntry("state", "acknowledged").containsEntry("acknowledgedBy", "leader");
        assertThat(item(checklist(incident), "timers", "escalate-leadership").get("compliance")).isEqualTo("onTime");
    }

    @Test
    void stepsAreWorkedByTheirRoleAndAWrongRoleIsRefusedOnlineAndOffline() {
        String incident = report("agent6", "system");
        String triage = "/api/incidents/" + incident + "/steps/triage/done";
        assertThat(api.post("agent6", triage, Map.of()).status()).isEqualTo(403);
        Api.Answer maintenance = api.post("it", triage, Map.of());
        assertThat(maintenance.status()).isEqualTo(403);
        assertThat((String) maintenance.get("detail")).contains("manager");
        // the same refusal for an entry queued offline, localized, and it does not jam the queue
        Entry offline = new Entry(UUID.randomUUID(), "step.done", UUID.fromString(incident), clock.instant(),
                Map.of("step", "triage"), null);
        PushResult refused = journal.push("phone-6", new Actor("agent6", Set.of("agent")), List.of(offline), Messages.EN).getFirst();
        assertThat(refused.status()).isEqualTo("refused");
        assertThat(refused.reason()).contains("manager");
        PushResult zh = journal.push("phone-6", new Actor("agent6", Set.of("agent")),
                List.of(new Entry(UUID.randomUUID(), "step.done", UUID.fromString(incident), clock.instant(), Map.of("step", "triage"), null)),
                Messages.ZH_CN).getFirst();
        assertThat(zh.reason()).contains("角色");

        assertThat(api.post("manager", triage, Map.of()).status()).isEqualTo(201);
        assertThat(api.post("lead1", "/api/incidents/" + incident + "/steps/nobody-logs-out/done", Map.of()).status()).isEqualTo(201);
        assertThat(api.post("manager", "/api/incidents/" + incident + "/steps/call-vendor/skip", Map.of()).status()).isEqualTo(400);
        assertThat(api.post("manager", "/api/incidents/" + incident + "/steps/nonsense/done", Map.of()).status()).isEqualTo(404);
        assertThat(api.post("manager", "/api/incidents/" + incident + "/steps/triage/skip", Map.of("reason", "changed my mind")).status())
                .isEqualTo(400);

        Map<String, Object> page = checklist(incident);
        assertThat(item(page, "steps", "triage")).containsEntry("state", "done").containsEntry("by", "manager");
        assertThat(item(page, "steps", "nobody-logs-out")).containsEntry("state", "done").containsEntry("by", "lead1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        assertThat(log).filteredOn(l -> "step.done".equals(l.get("type"))).first()
                .satisfies(l -> assertThat((String) l.get("text")).contains("manager", "S2.2", "first judgement"));
    }

    @Test
    void complianceSaysWhichStepsAndTimersWereOnTimeLateOrMissed() {
        String incident = report("agent1", "system");
        String steps = "/api/incidents/" + incident + "/steps/";
        advance(Duration.ofMinutes(5));
        api.post("manager", steps + "triage/done", Map.of());
        advance(Duration.ofMinutes(11));
        api.post("manager", steps + "bring-in-departments/done", Map.of());
        api.post("manager", steps + "call-vendor/skip", Map.of("reason", "fault is internal"));
        Map<String, Object> page = checklist(incident);
        assertThat(item(page, "steps", "answer-from-documents").get("state")).isEqualTo("overdue");
        assertThat(item(page, "steps", "capture-by-hand").get("state")).isEqualTo("open");

        advance(Duration.ofMinutes(44).plus(PAST));
        advance(Duration.ofMinutes(10).plus(PAST));
        String level2 = entries(incident, "escalation.fired").get(1).id().toString();
        advance(Duration.ofMinutes(2));
        assertThat(api.post("leader", "/api/escalations/" + level2 + "/acknowledge", Map.of()).status()).isEqualTo(201);
        api.post("manager", "/api/incidents/" + incident + "/resolve", Map.of());

        page = checklist(incident);
        assertThat(item(page, "steps", "triage").get("compliance")).isEqualTo("onTime");
        assertThat(item(page, "steps", "bring-in-departments").get("compliance")).isEqualTo("late");
        assertThat(item(page, "steps", "call-vendor")).containsEntry("compliance", "skipped").containsEntry("reason", "fault is internal");
        assertThat(item(page, "steps", "answer-from-documents").get("compliance")).isEqualTo("missed");
        assertThat(item(page, "timers", "escalate-leadership").get("compliance")).isEqualTo("late");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) page.get("compliance");
        assertThat(summary).containsEntry("onTime", 1).containsEntry("late", 2).containsEntry("skipped", 1)
                .containsEntry("missed", 4).containsEntry("pending", 0);
    }

    @Test
    void theChecklistIsInTheReadersLanguageAndAgentsMayNotReadIt() {
        String incident = report("agent2", "aircon");
        Api.Answer zh = api.send(io.micronaut.http.HttpRequest.GET("/api/incidents/" + incident + "/playbook"), "manager", "zh-TW");
        assertThat((String) item(zh.body(), "steps", "contact-relevant-people").get("text")).contains("聯繫");
        assertThat(api.get("agent2", "/api/incidents/" + incident + "/playbook").status()).isEqualTo(403);
    }

    @Test
    void escalationFiredEntriesComeOnlyFromTheServer() {
        String incident = report("agent3", "system");
        Entry forged = new Entry(UUID.randomUUID(), "escalation.fired", UUID.fromString(incident), clock.instant(),
                Map.of("timer", "escalate-leadership", "level", 1), null);
        PushResult result = journal.push("phone", new Actor("manager", Set.of("manager")), List.of(forged), Messages.EN).getFirst();
        assertThat(result.status()).isEqualTo("refused");
    }

    @Test
    void aFiringOtherServerCodeRecordsIsAcknowledgedByItsAudienceAndLeavesTheTimersAlone() {
        String incident = report("agent4", "power");
        UUID firing = UUID.randomUUID();
        PushResult stored = journal.recordAsServer(List.of(Entry.of(firing, "escalation.fired", UUID.fromString(incident),
                clock.instant(), Map.of("timer", "report-leadership", "level", 1, "clause", "S3.2",
                        "audience", List.of("user:leader"), "message", Map.of("zh-CN", "a", "en", "b", "zh-TW", "c"))))).getFirst();
        assertThat(stored.status()).isEqualTo("stored");
        assertThat(levels(checklist(incident), "report-leadership").getFirst().get("state")).isEqualTo("pending");
        assertThat(api.post("it", "/api/escalations/" + firing + "/acknowledge", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("leader", "/api/escalations/" + firing + "/acknowledge", Map.of()).status()).isEqualTo(201);
        assertThat(api.post("leader", "/api/escalations/" + UUID.randomUUID() + "/acknowledge", Map.of()).status()).isEqualTo(404);
        advance(Duration.ofMinutes(30).plus(PAST));
        assertThat(entries(incident, "escalation.fired")).hasSize(2);
    }
}
