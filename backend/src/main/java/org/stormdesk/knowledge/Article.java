package org.stormdesk.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One article of the knowledge base as people read it: its title and Markdown body by language ({@code zh-CN},
 * {@code en}, optionally {@code zh-TW}), the product it is about, its tags, and who saved its current version when.
 */
@Serdeable
public record Article(
        UUID id,
        String product,
        List<String> tags,
        Map<String, String> title,
        Map<String, String> body,
        int version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @Nullable Boolean archived) {

    /** The title in a language, falling back to Simplified Chinese (for Traditional) and then to any. */
    public String titleIn(String language) {
        return pick(title, language);
    }

    public String bodyIn(String language) {
        return pick(body, language);
    }

    static String pick(Map<String, String> texts, String language) {
        String text = texts.get(language);
        if (text == null && "zh-TW".equals(language)) {
            text = texts.get("zh-CN");
        }
        if (text == null) {
            text = texts.getOrDefault("zh-CN", texts.getOrDefault("en", texts.values().stream().findFirst().orElse("")));
        }
        return text;
    }
}
