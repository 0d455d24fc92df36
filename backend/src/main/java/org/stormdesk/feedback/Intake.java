package org.stormdesk.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** What became of a batch of contacts: how many were stored, already known or refused, and each one's answer. */
@Serdeable
public record Intake(int stored, int duplicates, int refused, List<Item> results) {

    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";
    public static final String REFUSED = "refused";

    /**
     * One contact's answer: {@code index} in the batch (from 0), or {@code line} of the CSV file.
     *
     * @param problem the suspected problem it raised or joined, if any
     */
    @Serdeable
    public record Item(int index, @Nullable Integer line, @Nullable String externalId, @Nullable UUID id, String status,
                       @Nullable String field, @Nullable String reason, @Nullable UUID problem) {
    }

    /** A contact as the CRM or chat platform sends it. */
    @Serdeable
    public record Contact(@Nullable String id, @Nullable String time, @Nullable String channel, @Nullable String reason,
                          @Nullable String product, @Nullable String region, @Nullable String text) {
    }
}
