package org.stormdesk.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;

/**
 * Prometheus metrics, for scrapers that sign in (HTTP Basic with an administrator's or a monitoring
 * user's API token): entries pushed, duplicates and refusals, journal commit times, JVM and HTTP metrics.
 */
@Controller("/api/metrics")
@Secured({"admin", "maintenance"})
class MetricsController {

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    String scrape() {
        return registry.scrape();
    }
}
