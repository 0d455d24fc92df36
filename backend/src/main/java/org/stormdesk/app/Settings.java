package org.stormdesk.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Stormdesk's own settings ({@code stormdesk.*}); each can be set by an environment variable
 * ({@code STORMDESK_DATA_DIR}, {@code STORMDESK_PUBLIC_URL}, ...). See docs/configuration.md.
 *
 * @param dataDir        where the embedded database and generated secrets live (default {@code ./data})
 * @param publicUrl      the address people open; required in production
 * @param sessionSecret  signs session cookies (at least 32 characters); generated into the data dir when unset,
 *                       except in production, where it must be given
 * @param timeZone       the center's time zone, for what people read
 * @param adminUsername  the first administrator, created at start when no administrator exists
 * @param adminPassword  that administrator's password; without it no administrator is created
 */
@ConfigurationProperties("stormdesk")
public record Settings(
        String dataDir,
        @Nullable String publicUrl,
        @Nullable String sessionSecret,
        String timeZone,
        String adminUsername,
        @Nullable String adminPassword) {
}
