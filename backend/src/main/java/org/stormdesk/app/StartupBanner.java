package org.stormdesk.app;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells whoever started Stormdesk where to open it (and, in the demo, how to sign in). */
@Singleton
public class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final Settings settings;

    public StartupBanner(Environment environment, Settings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @EventListener
    void started(ServerStartupEvent event) {
        String url = settings.publicUrl() == null || settings.publicUrl().isBlank()
                ? "http://localhost:" + event.getSource().getPort() + "/" : settings.publicUrl();
        LOG.info("Stormdesk is running at {} (data in {})", url, settings.dataDir());
        if (environment.getActiveNames().contains("demo")) {
            LOG.info("Demo center: sign in as agent1..agent6, lead1, manager, leader, it, spokesperson or admin, password 'demo'");
        }
    }
}
