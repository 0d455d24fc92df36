package org.stormdesk.roster;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster answers who is on shift where; managers keep it by hand or by CSV, and bad rows are refused alone. */
public abstract class RosterContract {

    /** Far from the demo's own shifts, so each test owns its window. */
    static final Instant DAY = Instant.parse("2031-03-10T00:00:00Z");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Roster roster;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    static Map<String, Object> shift(String user, String site, Instant from, Instant to, String position, List<String> skills) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user);
        body.put("site", site);
        body.put("startsAt", from.toString());
        body.put("endsAt", to.toString());
        body.put("position", position);
        body.put("skills", skills);
        return body;
    }

    @Test
    void theDemoCenterIsOnShiftNow() {
        List<Map<String, Object>> now = api.list("agent1", "/api/roster?site=hq");
        assertThat(now).extracting(s -> s.get("username")).contains("agent1", "agent5", "manager", "lead1");
        Map<String, Object> agent5 = now.stream().filter(s -> s.get("username").equals("agent5")).findFirst().orElseThrow();
        assertThat(agent5.get("position")).isEqualTo("outbound");
        assertThat((String) agent5.get("displayName")).contains("Agent 5");
        assertThat(roster.sites()).contains("hq");
    }

    @Test
    void aManagerAddsAShiftAndItAnswersWhoIsOnShiftThenAndThere() {
        Instant start = DAY.plus(Duration.ofHours(8));
        Api.Answer added = api.post("manager", "/api/roster/shifts",
                shift("agent2", "annex", start, start.plus(Duration.ofHours(9)), "chat", List.of("chat", "en")));
        assertThat(added.status()).isEqualTo(201);

        assertThat(roster.onShift(start.plus(Duration.ofHours(1)), "annex")).extracting(Shift::username).containsExactly("agent2");
        assertThat(roster.onShift(start.minusSeconds(1), "annex")).isEmpty();
        assertThat(roster.onShift(start.plus(Duration.ofHours(9)), "annex")).as("the end is exclusive").isEmpty();
        assertThat(roster.shiftOf("agent2", start).orElseThrow().skills()).containsExactly("chat", "en");
        assertThat(roster.sites()).contains("annex");
        assertThat(api.list("agent3", "/api/roster?site=annex&at=" + start.plusSeconds(60)))
                .extracting(s -> s.get("username")).containsExactly("agent2");

        String id = (String) added.get("id");
        assertThat(api.send(HttpRequest.DELETE("/api/roster/shifts/" + id), "manager", "en").status()).isEqualTo(204);
        assertThat(roster.onShift(start.plus(Duration.ofHours(1)), "annex")).isEmpty();
        assertThat(api.send(HttpRequest.DELETE("/api/roster/shifts/" + id), "manager", "en").status()).isEqualTo(404);
    }

    @Test
    void aShiftIsRefusedWithEveryReasonInTheReadersLanguage() {
        Instant start = DAY.plus(Duration.ofDays(1));
        Api.Answer bad = api.post("manager", "/api/roster/shifts",
                shift("nobody", "HQ!", start, start.minusSeconds(60), "pilot", List.of("has space")), "zh-CN");
        assertThat(bad.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) bad.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("username", "site", "position", "skills", "endsAt");
        assertThat(errors.toString()).contains("人员名录中没有“nobody”");

        Api.Answer tooLong = api.post("manager", "/api/roster/shifts",
                shift("agent1", "hq", start, start.plus(Duration.ofHours(25)), "inbound", List.of()));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().toString()).contains("at most 24 hours");
    }

    @Test
    void nobodyIsOnTwoShiftsAtOnce() {
        Instant start = DAY.plus(Duration.ofDays(2));
        assertThat(api.post("manager", "/api/roster/shifts",
                shift("agent3", "hq", start, start.plus(Duration.ofHours(8)), "inbound", List.of())).status()).isEqualTo(201);
        Api.Answer overlap = api.post("manager", "/api/roster/shifts",
                shift("agent3", "annex", start.plus(Duration.ofHours(7)), start.plus(Duration.ofHours(12)), "chat", List.of()));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.body().toString()).contains("agent3 already has a shift");
        assertThat(api.post("manager", "/api/roster/shifts",
                shift("agent3", "annex", start.plus(Duration.ofHours(8)), start.plus(Duration.ofHours(12)), "chat", List.of())).status())
                .as("a shift may start when the last one ends").isEqualTo(201);
    }

    @Test
    void onlyThoseWhoKeepTheRosterChangeIt() {
        Instant start = DAY.plus(Duration.ofDays(3));
        assertThat(api.post("agent1", "/api/roster/shifts",
                shift("agent1", "hq", start, start.plus(Duration.ofHours(8)), "inbound", List.of())).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/roster/shifts",
                shift("agent1", "hq", start, start.plus(Duration.ofHours(8)), "inbound", List.of())).status()).isEqualTo(401);
        assertThat(api.get(null, "/api/roster").status()).isEqualTo(401);
    }

    @Test
    void aCsvImportStoresTheGoodRowsAndNamesEachBadOne() {
        String csv = """
                username,site,starts_at,ends_at,position,skills
                agent1,north,2031-04-01T08:00:00+08:00,2031-04-01T17:00:00+08:00,inbound,voice;en
                agent2,north,2031-04-01T08:00:00+08:00,2031-04-01T17:00:00+08:00,outbound,
                ghost,north,2031-04-01T08:00:00+08:00,2031-04-01T17:00:00+08:00,inbound,voice
                agent4,north,tomorrow,2031-04-01T17:00:00+08:00,inbound,voice
                agent1,north,2031-04-01T16:00:00+08:00,2031-04-01T20:00:00+08:00,inbound,voice
                """;
        Api.Answer answer = api.send(HttpRequest.POST("/api/roster/import", csv).contentType(MediaType.of("text/csv")), "manager", "en");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("added")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(4, 5, 6);
        assertThat(errors.get(0).get("message")).isEqualTo("Nobody called \"ghost\" is in the people directory.");
        assertThat((String) errors.get(1).get("message")).startsWith("\"tomorrow\" is not a time");
        assertThat((String) errors.get(2).get("message")).contains("agent1 already has a shift");

        Instant noon = Instant.parse("2031-04-01T04:00:00Z");
        assertThat(roster.onShift(noon, "north")).extracting(Shift::username).containsExactlyInAnyOrder("agent1", "agent2");
        assertThat(roster.shiftOf("agent1", noon).orElseThrow().skills()).containsExactly("voice", "en");
        assertThat(roster.shiftOf("agent2", noon).orElseThrow().skills()).isEmpty();

        Api.Answer headless = api.send(HttpRequest.POST("/api/roster/import", "a,b\n1,2\n").contentType(MediaType.of("text/csv")), "manager", "en");
        assertThat(headless.status()).isEqualTo(400);
        assertThat(headless.body().toString()).contains("username,site,starts_at,ends_at,position,skills");
    }

    @Test
    void aListingWindowIsBounded() {
        assertThat(api.get("agent1", "/api/roster?from=2031-01-01T00:00:00Z&to=2031-03-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(api.get("agent1", "/api/roster?from=2031-01-01T00:00:00Z").status()).isEqualTo(400);
        List<Map<String, Object>> week = api.list("agent1", "/api/roster?site=hq&from=" + Instant.now() + "&to=" + Instant.now().plus(Duration.ofDays(2)));
        assertThat(week.stream().filter(s -> s.get("username").equals("agent1")).count()).isBetween(2L, 3L);
    }
}
