package org.stormdesk.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/** One saved version of an article: who saved it, when, and its titles then. */
@Serdeable
public record ArticleVersion(int version, String savedBy, Instant savedAt, Map<String, String> title, boolean archived) {
}
