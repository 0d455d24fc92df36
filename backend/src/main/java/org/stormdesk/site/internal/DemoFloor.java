package org.stormdesk.site.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.site.FloorDesk;
import org.stormdesk.site.FloorPlan;
import org.stormdesk.site.SiteKinds;
import org.stormdesk.site.SiteMap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo center's floor: site {@code hq}, floor 3F, two rows of twelve seats with an aisle between them. A-seats have
 * a PC, a monitor, a headset and a phone; B-01 to B-04 the same; the other B-seats no phone. Outside the tests the demo
 * agents sit at their home seats (A-01 to A-06, the team lead at A-07).
 */
@Singleton
@Requires(env = "demo")
public class DemoFloor implements ApplicationEventListener<StartupEvent> {

    private final SiteMap site;
    private final FloorDesk desk;
    private final Journal journal;
    private final Environment environment;
    private final Clock clock;

    public DemoFloor(SiteMap site, FloorDesk desk, Journal journal, Environment environment, Clock clock) {
        this.site = site;
        this.desk = desk;
        this.journal = journal;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (site.seat("A-01").map(s -> s.row() == null).orElse(true)) {
            desk.saveSite(SiteMap.FIRST_SITE, "总部 HQ");
            desk.saveFloor(SiteMap.FIRST_SITE, "3F", plan());
        }
        if (!environment.getActiveNames().contains("test")) {
            List<Entry> seated = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                String username = i == 7 ? "lead1" : "agent" + i;
                seated.add(Entry.of(UUID.nameUUIDFromBytes(("demo-seat:" + username).getBytes(StandardCharsets.UTF_8)),
                        SiteKinds.SEAT_MOVED, null, clock.instant(),
                        Map.of("username", username, "seat", String.format("A-%02d", i))));
            }
            journal.recordAsServer(seated);
        }
    }

    static FloorPlan plan() {
        List<FloorPlan.PlannedSeat> seats = new ArrayList<>();
        for (String zone : new String[]{"A", "B"}) {
            for (int i = 1; i <= 12; i++) {
                List<FloorPlan.PlannedDevice> devices = new ArrayList<>();
                devices.add(new FloorPlan.PlannedDevice("pc", String.format("PC-%s%02d", zone, i)));
                devices.add(new FloorPlan.PlannedDevice("monitor", null));
                devices.add(new FloorPlan.PlannedDevice("headset", null));
                if (zone.equals("A") || i <= 4) {
                    devices.add(new FloorPlan.PlannedDevice("phone", null));
                }
                seats.add(new FloorPlan.PlannedSeat(String.format("%s-%02d", zone, i), zone, zone.equals("A") ? 0 : 2,
                        i - 1, devices));
            }
        }
        return new FloorPlan("3F", 3, 12, seats);
    }
}
