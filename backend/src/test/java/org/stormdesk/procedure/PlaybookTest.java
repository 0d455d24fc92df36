package org.stormdesk.procedure;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playbooks as data: the eight shipped ones follow the specification, they read and write through the API in
 * YAML (or JSON), a bad one is refused with every error in the reader's language and its line, and each save
 * is a new version that only incidents opened afterwards use.
 */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
class PlaybookTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MutableClock clock;

    static String yaml(String kind) {
        return new String(readShipped(kind), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] readShipped(String kind) {
        try (var in = PlaybookTest.class.getClassLoader().getResourceAsStream("procedures/playbooks/" + kind + ".yaml")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpResponse<String> raw(MutableHttpRequest<?> request, String user) {
        request.basicAuth(user, "demo");
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    Api.Answer put(String user, String kind, String yaml, String language) {
        return new Api(client).send(HttpRequest.PUT("/api/playbooks/" + kind, yaml).contentType("text/yaml"), user, language);
    }

    @Test
    void theEightShippedPlaybooksFollowTheirSectionOfTheSpecification() {
        for (int i = 0; i < ProcedureLibrary.KINDS.size(); i++) {
            String kind = ProcedureLibrary.KINDS.get(i);
            Playbook p = Playbooks.shipped(kind);
            assertThat(p.steps()).as(kind).isNotEmpty();
            String section = "S" + (i + 1) + ".";
            assertThat(p.steps()).as(kind).allSatisfy(s -> assertThat(s.clause()).startsWith(section));
            assertThat(p.timers()).as(kind).allSatisfy(t -> assertThat(t.clause()).startsWith(section));
        }
        Playbook system = Playbooks.shipped("system");
        Playbook.Timer s27 = system.timer("escalate-leadership").orElseThrow();
        assertThat(s27.afterDuration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s27.unless()).isEqualTo("resolved");
        assertThat(s27.levels().getFirst().audience()).containsExactly("role:leadership");
        assertThat(system.step("triage").orElseThrow().clause()).isEqualTo("S2.2");
        assertThat(system.step("call-vendor").orElseThrow().call()).containsEntry("crm", "contact:vendor-crm");
        assertThat(system.step("bring-in-departments").orElseThrow().clause()).isEqualTo("S2.1");
        Playbook power = Playbooks.shipped("power");
        assertThat(power.timer("report-leadership").orElseThrow().afterDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(power.callTree()).isNotEmpty();
        assertThat(power.step("call-relevant-people").orElseThrow().clause()).isEqualTo("S3.1");
        assertThat(Playbooks.shipped("equipment").steps()).extracting(Playbook.Step::clause).contains("S1.3");
        assertThat(Playbooks.shipped("aircon").steps()).extracting(Playbook.Step::clause).contains("S4.1");
        assertThat(Playbooks.shipped("fire").steps()).extracting(Playbook.Step::clause).contains("S5.2", "S5.3");
    }

    @Test
    void everyoneSignedInListsAndReadsThemInYamlOrJson() {
        List<Map<String, Object>> list = new Api(client).list("agent1", "/api/playbooks");
        assertThat(list).extracting(m -> m.get("kind")).containsExactlyInAnyOrderElementsOf(ProcedureLibrary.KINDS);

        HttpResponse<String> text = raw(HttpRequest.GET("/api/playbooks/system").accept("text/yaml"), "agent1");
        assertThat(text.code()).isEqualTo(200);
        assertThat(text.getContentType().orElseThrow().toString()).startsWith("text/yaml");
        assertThat(text.body()).isEqualTo(yaml("system"));

        Api.Answer json = new Api(client).send(HttpRequest.GET("/api/playbooks/power").accept("application/json"), "agent1", "en");
        assertThat(json.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> timer = ((List<Map<String, Object>>) json.get("timers")).getFirst();
        assertThat(timer).containsEntry("after", "PT30M").containsEntry("clause", "S3.2");
        assertThat(json.get("callTree")).isEqualTo(List.of("contact:facilities", "contact:property", "contact:dept-it"));
        assertThat(new Api(client).get("agent1", "/api/playbooks/nonsense").status()).isEqualTo(404);
    }

    @Test
    void anAdministratorSavesANewVersionThatOnlyIncidentsOpenedAfterwardsUse() {
        Api api = new Api(client);
        String first = (String) api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "surge")).get("incidentId");
        clock.advance(Duration.ofMinutes(1));

        String changed = yaml("surge") + """
                timers:
                  - id: remind-manager
                    clause: S7.1
                    after: PT20M
                    unless: resolved
                    notify: [role:manager]
                    message: {zh-CN: "话务量仍在增涨", en: "Volume is still growing", zh-TW: "話務量仍在增漲"}
                """;
        assertThat(put("manager", "surge", changed, "en").status()).isEqualTo(403);
        Api.Answer saved = put("admin", "surge", changed, "en");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).containsEntry("kind", "surge").containsEntry("version", 2).containsEntry("createdBy", "admin");
        assertThat(raw(HttpRequest.GET("/api/playbooks/surge"), "agent1").body()).isEqualTo(changed);
        assertThat(raw(HttpRequest.GET("/api/playbooks/surge?version=1"), "agent1").body()).isEqualTo(yaml("surge"));

        // the running incident keeps version 1 (no timers); a new one gets version 2
        assertThat(api.get("manager", "/api/incidents/" + first + "/playbook").body())
                .containsEntry("playbookVersion", 1).containsEntry("timers", List.of());
        api.post("manager", "/api/incidents/" + first + "/resolve", Map.of());
        clock.advance(Duration.ofMinutes(1));
        Instant start = clock.instant();
        String second = (String) api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "surge")).get("incidentId");
        Map<String, Object> page = api.get("manager", "/api/incidents/" + second + "/playbook").body();
        assertThat(page).containsEntry("playbookVersion", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> level = ((List<Map<String, Object>>) ((List<Map<String, Object>>) page.get("timers")).getFirst().get("levels")).getFirst();
        assertThat(Instant.parse((String) level.get("dueAt"))).isBetween(start.plus(Duration.ofMinutes(20)),
                start.plus(Duration.ofMinutes(20)).plusSeconds(5));
    }

    @Test
    void aBadPlaybookIsRefusedWithEveryErrorItsFieldAndLineInTheReadersLanguage() {
        String bad = """
                kind: aircon
                steps:
                  - id: contact
                    clause: S4.1
                    role: janitor
                    text: {zh-CN: "联系", en: "Contact"}
                    colour: blue
                timers:
                  - id: remind
                    clause: S4.1
                    after: 30 minutes
                    notify: [role:manager]
                    message: {zh-CN: "a", en: "b", zh-TW: "c"}
                """;
        Api.Answer en = put("admin", "aircon", bad, "en");
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.errorContentType()).startsWith("application/problem+json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) en.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder(
                "steps[0].role", "steps[0].text.zh-TW", "steps[0].colour", "timers[0].after");
        assertThat(errors).extracting(e -> (String) e.get("message")).containsExactlyInAnyOrder(
                "Line 5: unknown role \"janitor\" (agent, supervisor, manager, leadership, maintenance, spokesperson, admin).",
                "Line 6: the text in zh-TW is missing.",
                "Line 7: unknown field \"colour\".",
                "Line 11: \"30 minutes\" is not an ISO-8601 duration such as PT30M or PT1H (not negative; ack-within above zero).");

        Api.Answer zh = put("admin", "aircon", bad, "zh-CN");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> zhErrors = (List<Map<String, Object>>) zh.get("errors");
        assertThat(zhErrors).extracting(e -> (String) e.get("message")).contains("第 7 行：未知字段\"colour\"。");

        Api.Answer syntax = put("admin", "aircon", "kind: aircon\nsteps: [\n  - id: x\n", "en");
        assertThat(syntax.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        String message = (String) ((List<Map<String, Object>>) syntax.get("errors")).getFirst().get("message");
        assertThat(message).matches("Line \\d+, column \\d+: this is not valid YAML\\.");

        Api.Answer wrongKind = put("admin", "aircon", yaml("fire"), "en");
        assertThat(wrongKind.status()).isEqualTo(400);
        // nothing was saved
        assertThat(new Api(client).list("admin", "/api/playbooks")).filteredOn(m -> "aircon".equals(m.get("kind")))
                .singleElement().satisfies(m -> assertThat(m.get("version")).isEqualTo(1));
    }
}
