package org.stormdesk.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The administrator's capture settings as read back: the CRM webhook (its secret is never shown, only whether one is
 * set) and how many days captured records are kept.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptureSettings(@Nullable String webhookUrl, boolean webhookSecretSet, int retentionDays,
                              @Nullable String updatedBy, @Nullable Instant updatedAt) {

    /** Captured records are kept 90 days unless an administrator says otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 3650;
}
