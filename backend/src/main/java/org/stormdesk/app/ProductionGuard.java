package org.stormdesk.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * In production ({@code MICRONAUT_ENVIRONMENTS=prod}) Stormdesk refuses to start on the embedded database,
 * without a public address, or with a session secret it would have to make up itself.
 */
@Context
@Requires(env = "prod")
public class ProductionGuard {

    public ProductionGuard(Settings settings, @Value("${datasources.default.url}") String databaseUrl) {
        if (databaseUrl.startsWith("jdbc:h2:")) {
            throw new ConfigurationException("Production runs on PostgreSQL: set DATASOURCES_DEFAULT_URL (the embedded H2 database is for trying Stormdesk out)");
        }
        if (settings.publicUrl() == null || settings.publicUrl().isBlank()) {
            throw new ConfigurationException("Set STORMDESK_PUBLIC_URL, the address people open, in production");
        }
        SessionSigning.secret(settings, true);
    }
}
