package org.stormdesk.capture.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The one row of {@code capture_setting} (id 1). */
@MappedEntity("capture_setting")
public record SettingRow(@Id int id, @Nullable String webhookUrl, @Nullable String webhookSecret, int retentionDays,
                         String updatedBy, Instant updatedAt) {
}
