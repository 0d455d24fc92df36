package org.stormdesk.knowledge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2.3: during a repair agents answer from the product documentation. Everyone signed in reads and searches it (in
 * Chinese without spaces and in English); managers and administrators write it, version by version.
 */
public abstract class KnowledgeContract {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    static Map<String, Object> draft(String zh, String en, Integer version) {
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("product", "broadband");
        body.put("tags", List.of("Fibre", "故障"));
        body.put("title", Map.of("zh-CN", zh, "en", en));
        body.put("body", Map.of("zh-CN", "## 步骤\n请客户重启光猫，" + zh, "en", "## Steps\nAsk the customer to restart the modem. " + en));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void s2_3_theDemoArticlesAreThereForEveryoneAndSearchableInChineseAndEnglish() {
        List<Map<String, Object>> all = api.list("agent1", "/api/knowledge/articles");
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all.getFirst()).containsKeys("title", "body", "tags", "product", "version", "updatedBy", "updatedAt");

        List<Map<String, Object>> zh = api.list("agent1", "/api/knowledge/search?q=" + enc("手工登记") + "&lang=zh-CN");
        assertThat(zh).isNotEmpty();
        assertThat(zh.getFirst().get("title")).isEqualTo("系统故障时如何手工登记客户");

        List<Map<String, Object>> en = api.list("agent1", "/api/knowledge/search?q=callbacks&lang=en");
        assertThat(en).extracting(h -> h.get("title")).contains("Callbacks: promising, calling and closing");
        // Traditional Chinese reads its own text where there is one
        List<Map<String, Object>> tw = api.list("agent1", "/api/knowledge/search?q=" + enc("手工登记") + "&lang=zh-TW");
        assertThat(tw.getFirst().get("title")).isEqualTo("系統故障時如何手工登記客戶");
    }

    @Test
    void s2_3_aManagerWritesArticlesVersionByVersionAndAnAgentCannot() {
        Api.Answer refused = api.post("agent1", "/api/knowledge/articles", draft("光猫重启", "Restarting the modem", null));
        assertThat(refused.status()).isEqualTo(403);
        Api.Answer anonymous = api.send(HttpRequest.POST("/api/knowledge/articles", draft("光猫重启", "Restart", null)), null, "en");
        assertThat(anonymous.status()).isEqualTo(401);

        Api.Answer created = api.post("manager", "/api/knowledge/articles", draft("光猫重启方法", "Restarting the modem", null));
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.get("id");
        assertThat(created.body()).containsEntry("version", 1).containsEntry("updatedBy", "manager")
                .containsEntry("tags", List.of("fibre", "故障"));

        Api.Answer saved = api.send(HttpRequest.PUT("/api/knowledge/articles/" + id, draft("光猫重启步骤", "Restarting the modem, step by step", 1)),
                "admin", "en");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).containsEntry("version", 2).containsEntry("updatedBy", "admin");

        // a save from the old version is refused, not silently overwritten
        Api.Answer stale = api.send(HttpRequest.PUT("/api/knowledge/articles/" + id, draft("旧的", "Old", 1)), "manager", "en");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(String.valueOf(stale.get("detail"))).contains("admin");

        List<Map<String, Object>> versions = api.list("agent2", "/api/knowledge/articles/" + id + "/versions");
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(2, 1);
        assertThat(versions).extracting(v -> v.get("savedBy")).containsExactly("admin", "manager");

        assertThat(api.list("agent1", "/api/knowledge/search?q=" + enc("重启步骤") + "&lang=zh-CN"))
                .extracting(h -> h.get("id")).contains(id);

        Api.Answer gone = api.send(HttpRequest.DELETE("/api/knowledge/articles/" + id), "manager", "en");
        assertThat(gone.status()).isEqualTo(204);
        assertThat(api.list("agent1", "/api/knowledge/articles")).extracting(a -> a.get("id")).doesNotContain(id);
    }

    @Test
    void s2_3_aBadArticleIsRefusedFieldByFieldInTheReadersLanguage() {
        Map<String, Object> bad = Map.of("product", "", "title", Map.of("en", "x".repeat(201)), "body", Map.of());
        Api.Answer a = api.post("manager", "/api/knowledge/articles", bad, "zh-CN");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorContentType()).startsWith("application/problem+json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) a.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("product", "title.en", "body.en");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
