package org.stormdesk.journal;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync protocol over HTTP, as devices speak it (docs/sync-protocol.md). */
@MicronautTest(environments = "demo", transactional = false)
class SyncApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aPushAnswersEachEntryAndAResendIsADuplicate() {
        Api api = new Api(client);
        String id = UUID.randomUUID().toString();
        Map<String, Object> report = Map.of("id", id, "kind", "report.filed", "recordedAt", Instant.now().toString(),
                "payload", Map.of("kind", "surge"), "actor", "agent6");
        Map<String, Object> bad = Map.of("id", UUID.randomUUID().toString(), "kind", "report.filed",
                "recordedAt", Instant.now().toString(), "payload", Map.of("kind", "flood"));
        Api.Answer first = api.post("agent6", "/api/sync/push", Map.of("device", "phone-6", "entries", List.of(report, bad)), "zh-CN");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) first.get("results");
        assertThat(results).extracting(r -> r.get("status")).containsExactly("stored", "refused");
        assertThat(results.get(1).get("reason")).isEqualTo("请选择八类之一：设备、系统、断电、空调、火警、网站、话务激增、媒体。");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> again = (List<Map<String, Object>>) api.post("agent6", "/api/sync/push",
                Map.of("device", "phone-6", "entries", List.of(report))).get("results");
        assertThat(again.getFirst().get("status")).isEqualTo("duplicate");
        assertThat(again.getFirst().get("seq")).isEqualTo(results.getFirst().get("seq"));
    }

    @Test
    void aPullPastTheEndAnswersAnEmptyListAndTheSameCursor() {
        Api api = new Api(client);
        long head = ((Number) api.get("manager", "/api/sync/pull?after=0&limit=1000").get("next")).longValue();
        Api.Answer page = api.get("manager", "/api/sync/pull?after=" + (head + 5));
        assertThat(page.get("entries")).isEqualTo(List.of());
        assertThat(page.get("hasMore")).isEqualTo(false);
    }

    @Test
    void oversizedPushesAndBadCursorsAreRefusedAsProblems() {
        Api api = new Api(client);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(Map.of("id", UUID.randomUUID().toString(), "kind", "report.filed"));
        }
        Api.Answer tooMany = api.post("agent1", "/api/sync/push", Map.of("device", "d", "entries", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorContentType()).isEqualTo("application/problem+json");
        assertThat(api.get("agent1", "/api/sync/pull?limit=5000").status()).isEqualTo(400);
        assertThat(api.post("agent1", "/api/sync/push", Map.of("entries", List.of())).status()).isEqualTo(400);
    }

    @Test
    void prometheusCountsWhatWasStoredDuplicatedAndRefused() {
        Api api = new Api(client);
        Map<String, Object> entry = Map.of("id", UUID.randomUUID().toString(), "kind", "report.filed",
                "recordedAt", Instant.now().toString(), "payload", Map.of("kind", "aircon"));
        api.post("agent2", "/api/sync/push", Map.of("device", "d", "entries", List.of(entry)));
        api.post("agent2", "/api/sync/push", Map.of("device", "d", "entries", List.of(entry)));
        String metrics = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/metrics").basicAuth("admin", "demo"));
        assertThat(metrics).contains("stormdesk_journal_entries_total{status=\"stored\"")
                .contains("stormdesk_journal_entries_total{status=\"duplicate\"")
                .contains("stormdesk_journal_commit_seconds_count");
        int anonymous;
        try {
            anonymous = client.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/api/metrics"), String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            anonymous = e.code();
        }
        assertThat(anonymous).isEqualTo(401);
    }
}
