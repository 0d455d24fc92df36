package org.stormdesk.supplies.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.stormdesk.journal.Actor;
import org.stormdesk.supplies.Supplies;
import org.stormdesk.supplies.db.SupplySiteRepository;
import org.stormdesk.site.SiteMap;

import java.util.Locale;

/**
 * The demo center's supplies: one fan per ten seats, four torches, a UPS, a first-aid kit per 25 seats; counted once,
 * a fan short, so the safety screen has something to show.
 */
@Singleton
@Requires(env = "demo")
public class DemoSupplies implements ApplicationEventListener<StartupEvent> {

    private final Supplies supplies;
    private final SupplySiteRepository sites;
    private final SiteMap floor;

    public DemoSupplies(Supplies supplies, SupplySiteRepository sites, SiteMap floor) {
        this.supplies = supplies;
        this.sites = sites;
        this.floor = floor;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (sites.existsById("hq")) {
            return;
        }
        Actor admin = new Actor("admin", java.util.Set.of("admin"));
        int seats = Math.max(24, floor.seats().size());
        supplies.setSeats(admin, "hq", seats);
        supplies.count(admin, "demo", null, "hq", "fan", (seats + 9) / 10 - 1, null, Locale.ENGLISH);
        supplies.count(admin, "demo", null, "hq", "torch", 4, null, Locale.ENGLISH);
        supplies.count(admin, "demo", null, "hq", "ups", 1, null, Locale.ENGLISH);
        supplies.count(admin, "demo", null, "hq", "first_aid", 1, null, Locale.ENGLISH);
        supplies.setRule(admin, "hq", "torch", null, 4);
        supplies.setRule(admin, "hq", "ups", null, 1);
        supplies.setRule(admin, "hq", "first_aid", 25, 1);
        supplies.setRule(admin, "hq", "fan", 10, 1);
    }
}
