package org.stormdesk.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement with every version, newest first. {@code state} is the newest version's (draft, reviewed,
 * approved); {@code approvedVersion} the newest version leadership approved, if any.
 */
@Serdeable
public record Statement(
        UUID id,
        @Nullable UUID incident,
        String audience,
        String state,
        @Nullable Integer approvedVersion,
        List<Version> versions) {

    @Serdeable
    public record Version(
            int version,
            String audience,
            Map<String, String> text,
            String state,
            String draftedBy,
            Instant draftedAt,
            @Nullable String reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable String reviewNote,
            @Nullable String approvedBy,
            @Nullable Instant approvedAt) {
    }
}
