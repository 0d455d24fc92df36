package org.stormdesk.knowledge;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Search without spaces in Chinese (bigrams) and by words in English. */
class KnowledgeSearchTest {

    static Article article(String titleZh, String titleEn, String bodyZh, String bodyEn, String... tags) {
        return new Article(UUID.randomUUID(), "general", List.of(tags), Map.of("zh-CN", titleZh, "en", titleEn),
                Map.of("zh-CN", bodyZh, "en", bodyEn), 1, "manager", Instant.EPOCH, "manager", Instant.EPOCH, null);
    }

    final Article capture = article("系统故障时如何手工登记客户", "Capturing customers by hand",
            "CRM 无法使用时，改为手工登记客户的姓名和电话。", "When the CRM is down, write down the customer's name and phone.", "capture");
    final Article power = article("停电时的应答", "Answering during a power outage",
            "停电超过三十分钟要报告领导。", "Report to leadership after thirty minutes without power.", "power");
    final Article prices = article("常用资费与营业时间", "Common prices and opening hours",
            "营业厅每天九点开门。", "Shops open at nine every day.", "prices");
    final List<Article> all = List.of(capture, power, prices);

    @Test
    void chineseTextIsCutIntoBigramsAndSingleCharactersAreKeptAlone() {
        assertThat(KnowledgeSearch.tokens("停电应急", false)).containsExactly("停电", "电应", "应急");
        assertThat(KnowledgeSearch.tokens("电", false)).containsExactly("电");
        assertThat(KnowledgeSearch.tokens("CRM故障 Callbacks", false)).containsExactly("crm", "故障", "callback");
    }

    @Test
    void aChineseWordFindsTheArticleWithoutAnySpaces() {
        assertThat(KnowledgeSearch.search(all, "手工登记", "zh-CN")).extracting(ArticleHit::id).containsExactly(capture.id());
        assertThat(KnowledgeSearch.search(all, "停电", "zh-CN")).extracting(ArticleHit::id).containsExactly(power.id());
        // a phrase the article does not hold word for word still finds it by most of its pairs
        assertThat(KnowledgeSearch.search(all, "客户手工登记", "zh-CN")).extracting(ArticleHit::id).first().isEqualTo(capture.id());
    }

    @Test
    void englishWordsMatchRegardlessOfCaseAndPlural() {
        List<ArticleHit> hits = KnowledgeSearch.search(all, "Customer PHONES", "en");
        assertThat(hits).extracting(ArticleHit::id).containsExactly(capture.id());
        assertThat(hits.getFirst().title()).isEqualTo("Capturing customers by hand");
        assertThat(hits.getFirst().snippet()).contains("phone");
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        Article inBody = article("其他", "Other", "这里提到了营业时间。", "Mentions opening hours.");
        List<ArticleHit> hits = KnowledgeSearch.search(List.of(inBody, prices), "营业时间", "zh-CN");
        assertThat(hits).extracting(ArticleHit::id).containsExactly(prices.id(), inBody.id());
    }

    @Test
    void nothingMatchesNothing() {
        assertThat(KnowledgeSearch.search(all, "火警", "zh-CN")).isEmpty();
        assertThat(KnowledgeSearch.search(all, "  ", "zh-CN")).isEmpty();
    }
}
