package org.stormdesk.roster.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.stormdesk.app.Settings;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;
import org.stormdesk.roster.NewShift;
import org.stormdesk.roster.Roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo center's roster: everyone at site {@code hq}, on a day-long shift every day from yesterday to two
 * weeks ahead, so whoever tries the demo is on shift. Agents 1–4 answer calls, 5 and 6 make outbound calls.
 */
@Singleton
@Requires(env = "demo")
@Order(100) // after the demo people are seeded
class DemoRoster implements ApplicationEventListener<StartupEvent> {

    static final String SITE = "hq";

    private final Roster roster;
    private final People people;
    private final Settings settings;
    private final Clock clock;

    DemoRoster(Roster roster, People people, Settings settings, Clock clock) {
        this.roster = roster;
        this.people = people;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        ZoneId zone = ZoneId.of(settings.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (Person p : people.all()) {
            for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(14)); day = day.plusDays(1)) {
                var start = day.atStartOfDay(zone).toInstant();
                var end = day.plusDays(1).atStartOfDay(zone).toInstant();
                if (roster.shiftOf(p.username(), start).isEmpty()) {
                    roster.add(new NewShift(p.username(), SITE, start, end, position(p), skills(p)), "demo");
                }
            }
        }
    }

    private static String position(Person p) {
        List<String> roles = p.roles();
        if (roles.contains("agent")) {
            return p.username().matches("agent[56]") ? "outbound" : "inbound";
        }
        if (roles.contains("supervisor")) {
            return "supervisor";
        }
        if (roles.contains("manager")) {
            return "manager";
        }
        if (roles.contains("maintenance")) {
            return "maintenance";
        }
        return "other";
    }

    private static List<String> skills(Person p) {
        return p.roles().contains("agent") || p.roles().contains("supervisor")
                ? List.of("voice", "chat", "zh", "en") : List.of();
    }
}
