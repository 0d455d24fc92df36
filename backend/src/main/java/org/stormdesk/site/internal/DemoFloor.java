package org.stormdesk.site.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.stormdesk.site.Seat;
import org.stormdesk.site.SiteMap;

/** The demo center's floor: two rows of twelve seats on the third floor. */
@Singleton
@Requires(env = "demo")
public class DemoFloor implements ApplicationEventListener<StartupEvent> {

    private final SiteMap site;

    public DemoFloor(SiteMap site) {
        this.site = site;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (String zone : new String[]{"A", "B"}) {
            for (int i = 1; i <= 12; i++) {
                site.addSeatIfAbsent(new Seat(String.format("%s-%02d", zone, i), "3F", zone));
            }
        }
    }
}
