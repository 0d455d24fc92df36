package org.stormdesk.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stormdesk.support.Api;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: 401 for nobody, 403 for the wrong role, every refusal a localized problem. */
@MicronautTest(environments = "demo", transactional = false)
class AccessTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    String incident;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        incident = (String) api.post("agent1", "/api/reports", Map.of("clientId", UUID.randomUUID().toString(), "kind", "system")).get("incidentId");
    }

    @ParameterizedTest(name = "{0} {1} as {2} is {3}")
    @CsvSource({
            "POST, /acknowledge, agent1, 403",
            "POST, /acknowledge, leader, 403",
            "POST, /acknowledge, lead1, 200",
            "POST, /notes, agent1, 403",
            "POST, /notes, spokesperson, 403",
            "POST, /notes, it, 201",
            "POST, /resolve, lead1, 403",
            "POST, /resolve, agent1, 403",
            "POST, /resolve, admin, 200",
            "GET, /log, agent1, 403",
            "GET, /log, leader, 200",
            "GET, /log/verify, agent2, 403",
            "GET, /log/verify, manager, 200",
            "GET, '', agent1, 200",
    })
    void incidentActionsFollowTheRoles(String method, String action, String user, int status) {
        String path = "/api/incidents/" + incident + action;
        MutableHttpRequest<?> request = method.equals("GET") ? HttpRequest.GET(path)
                : HttpRequest.POST(path, action.equals("/notes") ? Map.of("text", "checked") : Map.of());
        Api.Answer answer = api.send(request, user, "en");
        assertThat(answer.status()).isEqualTo(status);
        if (status == 403) {
            assertThat(answer.errorContentType()).isEqualTo("application/problem+json");
            assertThat(answer.get("detail")).isEqualTo("Your role does not allow this.");
        }
    }

    @Test
    void onlyAdministratorsAddPeople() {
        Map<String, Object> person = Map.of("username", "newagent", "displayName", "New", "roles", List.of("agent"));
        assertThat(api.post("manager", "/api/people/users", person).status()).isEqualTo(403);
        assertThat(api.get("agent1", "/api/people/users").status()).isEqualTo(403);
        Api.Answer added = api.post("admin", "/api/people/users?token=true", person);
        assertThat(added.status()).isEqualTo(201);
        String token = (String) added.get("apiToken");
        assertThat(api.get("newagent:" + token, "/api/auth/me").get("username")).isEqualTo("newagent");
        assertThat(api.get("newagent:" + token + "x", "/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsALocalizedProblem() {
        Api.Answer zh = api.send(HttpRequest.GET("/api/incidents"), null, "zh-CN");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.errorContentType()).isEqualTo("application/problem+json");
        assertThat(zh.get("detail")).isEqualTo("请登录（会话可能已过期）。");
        assertThat(api.send(HttpRequest.GET("/api/sync/pull"), null, "zh-TW").get("detail")).isEqualTo("請登入（工作階段可能已過期）。");
        assertThat(api.get("agent1:wrong", "/api/incidents").status()).isEqualTo(401);
    }

    @Test
    void badInputGetsPerFieldLocalizedErrorsAndWritesNothing() {
        Api.Answer answer = api.post("agent1", "/api/reports", Map.of("kind", "flood", "note", "x".repeat(2001)), "zh-CN");
        assertThat(answer.status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("clientId", "kind", "note");
        assertThat(errors.get(0).get("message")).isEqualTo("必填。");
        assertThat(errors.get(2).get("message")).isEqualTo("最多 2,000 个字符。");
    }

    @Test
    void aSignedInSessionIsASignedCookieAndAForgedUnsignedOneIsRejected() {
        var login = client.toBlocking().exchange(HttpRequest.POST("/api/auth/login", Map.of("username", "manager", "password", "demo")));
        String cookie = login.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("SD_SESSION=")).findFirst().orElseThrow();
        String token = cookie.substring("SD_SESSION=".length(), cookie.indexOf(';'));
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]))).contains("HS256");
        assertThat(api.send(HttpRequest.GET("/api/auth/me").cookie(io.micronaut.http.cookie.Cookie.of("SD_SESSION", token)), null, "en").get("username"))
                .isEqualTo("manager");

        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"roles\":[\"admin\"],\"exp\":4102444800}".getBytes());
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + claims + ".";
        assertThat(api.send(HttpRequest.GET("/api/auth/me").cookie(io.micronaut.http.cookie.Cookie.of("SD_SESSION", forged)), null, "en").status())
                .isEqualTo(401);
        assertThat(api.send(HttpRequest.POST("/api/auth/login", Map.of("username", "manager", "password", "nope")), null, "en").status())
                .isEqualTo(401);
    }

    @Test
    void theProceduresAreReadableWithoutSigningIn() {
        Api.Answer en = api.send(HttpRequest.GET("/api/procedures?lang=en"), null, "en");
        assertThat(en.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) en.get("sections");
        assertThat(sections).hasSize(8);
        assertThat(sections.get(2).get("kind")).isEqualTo("power");
        assertThat(sections.get(2).get("title")).isEqualTo("Power outage");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> zh = (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/procedures"), null, "zh-TW").get("sections");
        assertThat(zh.get(2).get("title")).isEqualTo("斷電處理");
    }
}
