package org.stormdesk.power;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.power.internal.PowerSweep;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power (S3): the manager's short announcements reach everyone on shift (the demo roster: everyone at site hq), online
 * and offline; a planned outage (S3.3) warns the staff a day and an hour ahead, and its plan starts by itself when the
 * window opens, to be ticked off item by item, offline too.
 */
public abstract class PowerContract {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    MutableClock clock;
    @Inject
    PowerSweep sweep;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> push(String user, String kind, Map<String, Object> payload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("kind", kind);
        entry.put("recordedAt", clock.instant().toString());
        entry.put("payload", payload);
        Api.Answer a = api.post(user, "/api/sync/push", Map.of("device", "pwa-test", "entries", List.of(entry)));
        assertThat(a.status()).isEqualTo(200);
        return ((List<Map<String, Object>>) a.get("results")).getFirst();
    }

    /** The users the notices of an announcement went to. */
    List<Object> audienceOf(String announcement) {
        List<Object> audience = new ArrayList<>();
        for (int chunk = 0; chunk < 10; chunk++) {
            journal.find(org.stormdesk.power.internal.PowerEntries.noticeOf(UUID.fromString(announcement), chunk))
                    .ifPresent(e -> audience.addAll((List<?>) e.payload().get("audience")));
        }
        return audience;
    }

    @Test
    @SuppressWarnings("unchecked")
    void s3_theManagersShortCalmAnnouncementReachesEveryoneOnShiftOnlineAndOffline() throws InterruptedException {
        String text = "Power is out on 3F. Please stay at your seats; we expect it back within the hour. " + UUID.randomUUID();
        Api.Answer posted = api.post("manager", "/api/power/announcements", Map.of("text", text, "language", "en", "site", "hq"));
        assertThat(posted.status()).isEqualTo(201);
        String id = (String) posted.get("id");
        assertThat(audienceOf(id)).contains("user:agent1", "user:agent6", "user:lead1", "user:it");

        // on the banner (active) for everyone, in the language it was written in when the reader's is missing
        Map<String, Object> shown = api.list("agent2", "/api/power/announcements").stream()
                .filter(a -> id.equals(a.get("id"))).findFirst().orElseThrow();
        assertThat(shown).containsEntry("text", text).containsEntry("active", true).containsEntry("postedBy", "manager");

        // and in the inbox
        boolean inInbox = false;
        for (int i = 0; i < 100 && !inInbox; i++) {
            List<Map<String, Object>> notices = (List<Map<String, Object>>) api.get("agent1", "/api/notify/inbox").get("notices");
            inInbox = notices.stream().anyMatch(n -> String.valueOf(n.get("text")).contains(text));
            if (!inInbox) {
                Thread.sleep(100);
            }
        }
        assertThat(inInbox).as("agent1's inbox holds the announcement").isTrue();

        // short, and only by the manager (leadership, an admin); the same rules offline
        assertThat(api.post("agent1", "/api/power/announcements", Map.of("text", "hello")).status()).isEqualTo(403);
        assertThat(api.post("manager", "/api/power/announcements", Map.of("text", "x".repeat(281))).status()).isEqualTo(400);
        assertThat(push("agent1", "announcement.posted", Map.of("text", "written offline"))).containsEntry("status", "refused");
        Map<String, Object> offline = push("manager", "announcement.posted", Map.of("text", "写于离线：请大家保持冷静。", "language", "zh-CN"));
        assertThat(offline).containsEntry("status", "stored");
        assertThat(audienceOf((String) offline.get("id"))).contains("user:agent3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void s3_3_aPlannedOutageWarnsADayAndAnHourAheadAndItsPlanStartsByItselfWhenTheWindowOpens() {
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", "hq");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofHours(3)).toString());
        body.put("source", "Tower Property: switchgear maintenance");
        body.put("plan", List.of(
                Map.of("area", "where", "text", "Team A works from the training room on 5F (UPS sockets)"),
                Map.of("area", "queues", "text", "Divert the hotline queue to the partner center"),
                Map.of("area", "switch", "text", "Switch the core switch and PBX to the UPS")));

        Map<String, Object> bad = new LinkedHashMap<>(body);
        bad.put("endsAt", start.minusSeconds(60).toString());
        bad.put("plan", List.of(Map.of("area", "kitchen", "text", "")));
        Api.Answer refused = api.post("manager", "/api/power/outages", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) refused.get("errors")).extracting(e -> e.get("field"))
                .contains("endsAt", "plan[0].area", "plan[0].text");
        assertThat(api.post("agent1", "/api/power/outages", body).status()).isEqualTo(403);

        Api.Answer planned = api.post("manager", "/api/power/outages", body);
        assertThat(planned.status()).isEqualTo(201);
        String id = (String) planned.get("id");
        assertThat(planned.body()).containsEntry("state", "planned").containsEntry("warnBefore", List.of("PT24H", "PT1H"));
        assertThat((List<Map<String, Object>>) planned.get("warnings")).extracting(w -> w.get("stage"))
                .containsExactly("PT24H", "PT1H", "start");

        assertThat(sweep.run()).isZero();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(sweep.run()).isEqualTo(1);
        List<StoredEntry> warnings = announcementsOf(id);
        assertThat(warnings).hasSize(1);
        assertThat(((Map<String, String>) warnings.getFirst().payload().get("text")).get("en"))
                .contains("Planned power outage at hq").contains("switchgear maintenance");
        assertThat(audienceOf(warnings.getFirst().id().toString())).contains("user:agent1", "user:manager");
        assertThat(sweep.run()).isZero();

        clock.advance(Duration.ofHours(23));
        assertThat(sweep.run()).isEqualTo(1);
        assertThat(announcementsOf(id)).hasSize(2);
        assertThat(api.get("manager", "/api/power/outages/" + id).get("state")).isEqualTo("planned");

        // the window opens: the plan starts by itself
        clock.advance(Duration.ofMinutes(59));
        assertThat(sweep.run()).isEqualTo(2);
        Map<String, Object> running = api.get("lead1", "/api/power/outages/" + id).body();
        assertThat(running).containsEntry("state", "running").containsKey("startedAt");
        List<Map<String, Object>> plan = (List<Map<String, Object>>) running.get("plan");
        assertThat(plan).extracting(i -> i.get("area")).containsExactly("where", "queues", "switch");

        // ticked off on a tablet, offline: the entries sync later; an agent may not tick
        String item = (String) plan.get(1).get("id");
        assertThat(push("agent1", "outage.item.done", Map.of("outage", id, "item", item))).containsEntry("status", "refused");
        assertThat(push("lead1", "outage.item.done", Map.of("outage", id, "item", item))).containsEntry("status", "stored");
        Map<String, Object> after = api.get("manager", "/api/power/outages/" + id).body();
        assertThat(((List<Map<String, Object>>) after.get("plan")).get(1)).containsEntry("done", true).containsEntry("doneBy", "lead1");
        assertThat(api.post("manager", "/api/power/outages/" + id + "/items/" + plan.get(2).get("id") + "/done", Map.of()).status())
                .isEqualTo(201);
    }

    @Test
    void s3_3_aCancelledOutageSendsNoMoreWarningsAndNeverStarts() {
        Instant start = clock.instant().plus(Duration.ofHours(5));
        Api.Answer planned = api.post("manager", "/api/power/outages", Map.of("site", "hq", "startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(1)).toString(), "warnBefore", List.of("PT1H"),
                "plan", List.of(Map.of("area", "other", "text", "Torches on every desk"))));
        assertThat(planned.status()).isEqualTo(201);
        String id = (String) planned.get("id");
        assertThat(api.post("manager", "/api/power/outages/" + id + "/cancel", Map.of()).get("state")).isEqualTo("cancelled");
        clock.advance(Duration.ofHours(5).plusMinutes(1));
        sweep.run();
        assertThat(announcementsOf(id)).isEmpty();
        assertThat(api.get("manager", "/api/power/outages/" + id).get("state")).isEqualTo("cancelled");
    }

    List<StoredEntry> announcementsOf(String outage) {
        List<StoredEntry> found = new ArrayList<>();
        long after = 0;
        while (true) {
            var page = journal.pull(after, 1000, new org.stormdesk.journal.Actor("reader", java.util.Set.of("admin")));
            page.entries().stream().filter(e -> e.kind().equals("announcement.posted") && outage.equals(e.text("outage")))
                    .forEach(found::add);
            if (!page.hasMore()) {
                return found;
            }
            after = page.next();
        }
    }
}
