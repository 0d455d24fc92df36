package org.stormdesk.presence;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.presence.internal.PresenceSweep;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2.4: nobody leaves the system without permission. The manager sees who is on duty and where each one is; an agent
 * asks to leave and the manager allows or refuses; leaving without leave, or an app that falls silent, shows up; all
 * of it in the management log of the open incident.
 */
public abstract class PresenceContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MutableClock clock;
    @Inject
    PresenceSweep sweep;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    Map<String, Object> push(String user, String kind, Map<String, Object> payload, String language) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", kind);
        entry.put("recordedAt", clock.instant().toString());
        entry.put("payload", payload);
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-test", "entries", List.of(entry)), language);
        assertThat(a.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) a.get("results");
        Map<String, Object> result = new LinkedHashMap<>(results.getFirst());
        result.put("entryId", entry.get("id"));
        return result;
    }

    String systemIncident() {
        Api.Answer a = api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "system",
                "note", "CRM down"));
        assertThat(a.status()).isIn(200, 201);
        return (String) a.get("incidentId");
    }

    Map<String, Object> duty(String username) {
        return api.list("manager", "/api/presence").stream().filter(d -> username.equals(d.get("username"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    List<String> log(String incident) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
        return entries.stream().map(l -> String.valueOf(l.get("text"))).toList();
    }

    @Test
    void s2_4_anAgentAsksTheManagerAllowsTheAgentComesBackAndTheLogSaysSo() {
        String incident = systemIncident();
        api.post("agent2", "/api/presence/heartbeat", Map.of());
        Instant back = clock.instant().plus(Duration.ofMinutes(15));
        Map<String, Object> asked = push("agent2", PresenceKinds.LEAVE_REQUESTED,
                Map.of("reason", "restroom", "expectedBackAt", back.toString()), "en");
        assertThat(asked).containsEntry("status", "stored").containsEntry("incident", incident);
        String request = (String) asked.get("entryId");

        assertThat(duty("agent2")).containsEntry("state", "asked").containsEntry("reason", "restroom")
                .containsEntry("request", request);
        // asking twice while waiting is refused
        assertThat(push("agent2", PresenceKinds.LEAVE_REQUESTED, Map.of("reason", "again", "expectedBackAt", back.toString()), "en"))
                .containsEntry("status", "refused");

        // an agent does not decide
        Map<String, Object> byAgent = push("agent3", PresenceKinds.LEAVE_DECIDED, Map.of("request", request, "allowed", true), "zh-CN");
        assertThat(byAgent).containsEntry("status", "refused");
        assertThat(String.valueOf(byAgent.get("reason"))).contains("只有经理");

        Api.Answer allowed = api.post("manager", "/api/presence/requests/" + request + "/allow", Map.of("note", "ten minutes"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).containsEntry("state", "allowed").containsEntry("decidedBy", "manager");
        assertThat(duty("agent2")).containsEntry("state", "on_leave").containsEntry("decidedBy", "manager");
        // the first decision stands; a later one is refused
        assertThat(api.post("lead1", "/api/presence/requests/" + request + "/refuse", Map.of()).status()).isEqualTo(400);

        Api.Answer returned = api.post("agent2", "/api/presence/returned", Map.of());
        assertThat(returned.status()).isEqualTo(200);
        assertThat(duty("agent2")).containsEntry("state", "present");
        assertThat(api.list("manager", "/api/presence/requests")).filteredOn(r -> request.equals(r.get("id")))
                .extracting(r -> r.get("state")).containsExactly("returned");

        assertThat(log(incident)).contains(
                "agent2 asked to leave: restroom; expects to be back by " + hhmm(back) + ".",
                "manager allowed agent2 to leave: ten minutes.",
                "agent2 is back.");
    }

    @Test
    void s2_4_aRefusedAgentStaysAndABadRequestIsRefusedAlone() {
        systemIncident();
        Map<String, Object> noReason = push("agent5", PresenceKinds.LEAVE_REQUESTED,
                Map.of("expectedBackAt", clock.instant().plusSeconds(600).toString()), "en");
        assertThat(noReason).containsEntry("status", "refused");
        assertThat(String.valueOf(noReason.get("reason"))).contains("Say why");
        Map<String, Object> tooLong = push("agent5", PresenceKinds.LEAVE_REQUESTED,
                Map.of("reason", "lunch", "expectedBackAt", clock.instant().plus(Duration.ofDays(2)).toString()), "en");
        assertThat(tooLong).containsEntry("status", "refused");

        String request = (String) push("agent5", PresenceKinds.LEAVE_REQUESTED,
                Map.of("reason", "lunch", "expectedBackAt", clock.instant().plusSeconds(1800).toString()), "en").get("entryId");
        assertThat(api.post("agent5", "/api/presence/requests/" + request + "/allow", Map.of()).status()).isEqualTo(403);
        Api.Answer refused = api.post("lead1", "/api/presence/requests/" + request + "/refuse", Map.of());
        assertThat(refused.body()).containsEntry("state", "refused");
        assertThat(String.valueOf(duty("agent5").get("state"))).isIn("present", "away");
        assertThat(duty("agent5").get("request")).isNull();
        assertThat(api.get("agent5", "/api/presence/me").body()).containsKey("requests");
        assertThat(api.get("agent5", "/api/presence").status()).isEqualTo(403);
    }

    @Test
    void s2_4_awayWithoutLeaveShowsUpWhetherMarkedOrSilent() {
        String incident = systemIncident();
        api.post("agent3", "/api/presence/heartbeat", Map.of());
        assertThat(push("agent3", PresenceKinds.AWAY, Map.of(), "en")).containsEntry("status", "stored");
        assertThat(duty("agent3")).containsEntry("state", "away").containsEntry("awayReason", "self");
        assertThat(api.post("agent3", "/api/presence/returned", Map.of()).status()).isEqualTo(200);

        // a manager marks someone away; an agent cannot mark someone else
        assertThat(push("agent3", PresenceKinds.AWAY, Map.of("username", "agent6"), "en")).containsEntry("status", "refused");
        assertThat(push("manager", PresenceKinds.AWAY, Map.of("username", "agent6", "note", "not at seat A-06"), "en"))
                .containsEntry("status", "stored");
        assertThat(duty("agent6")).containsEntry("state", "away").containsEntry("awayReason", "marked");

        // an app that stops answering: away without leave, recorded once in the log
        api.post("agent4", "/api/presence/heartbeat", Map.of());
        assertThat(duty("agent4")).containsEntry("state", "present");
        clock.advance(Duration.ofMinutes(6));
        assertThat(duty("agent4")).containsEntry("state", "away").containsEntry("awayReason", "silent");
        assertThat(sweep.run()).isGreaterThanOrEqualTo(1);
        assertThat(sweep.run()).isZero();

        assertThat(log(incident)).contains("agent3 is away without leave.", "manager marked agent6 away without leave: not at seat A-06.",
                "agent4's app stopped answering: away without leave.");
        // back at the seat
        api.post("agent4", "/api/presence/heartbeat", Map.of());
        assertThat(api.post("agent4", "/api/presence/returned", Map.of()).status()).isEqualTo(200);
        assertThat(duty("agent4")).containsEntry("state", "present");
    }

    static String hhmm(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai")).format(at);
    }
}
