package org.stormdesk.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * An article as an editor sends it. {@code version} is the version the edit started from (absent for a new
 * article): a save over a newer version is refused, so that one editor never silently overwrites another.
 */
@Serdeable
public record ArticleDraft(
        @Nullable String product,
        @Nullable List<String> tags,
        @Nullable Map<String, String> title,
        @Nullable Map<String, String> body,
        @Nullable Integer version) {
}
