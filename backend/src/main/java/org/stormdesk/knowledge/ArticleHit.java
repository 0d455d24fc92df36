package org.stormdesk.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** A search result: the article's title in the reader's language, the lines that matched, and how well it matched. */
@Serdeable
public record ArticleHit(UUID id, String product, List<String> tags, String title, String snippet, double score) {
}
