package org.stormdesk.outbound.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.stormdesk.journal.Actor;
import org.stormdesk.outbound.OutboundDesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * The demo center's outbound plan for today, when it has none: renewals, a product recall and a survey, due over the
 * coming hours, given to the demo's outbound agents (agent5, agent6) as an import would.
 */
@Singleton
@Requires(env = "demo")
@Requires(property = "stormdesk.outbound.demo-plan", notEquals = "false")
@Order(110) // after the demo roster
class DemoPlan implements ApplicationEventListener<StartupEvent> {

    private static final String[][] CALLS = {
        {"产品召回 Recall", "1", "zh"}, {"续约 Renewals", "2", ""}, {"续约 Renewals", "2", ""}, {"满意度回访 Survey", "4", ""},
    };
    private static final String[] NAMES = {"王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷", "吴杰",
        "Emma Li", "Jack Wu"};

    private final OutboundDesk desk;
    private final Clock clock;

    DemoPlan(OutboundDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Actor planner = new Actor("manager", Set.of("manager"));
        if (desk.plan(desk.today(), planner).total() > 0) {
            return;
        }
        StringBuilder csv = new StringBuilder(String.join(",", OutboundDesk.CSV_COLUMNS)).append('\n');
        // due times on the quarter hour, as a plan would set them
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int i = 0; i < 24; i++) {
            String[] call = CALLS[i % CALLS.length];
            Instant due = now.plus(Duration.ofMinutes(60L + 15L * (i + i / 2)));
            csv.append(call[0]).append(',').append(NAMES[i % NAMES.length]).append(',')
                    .append(String.format("138%08d", 10_013_800 + i * 7)).append(',').append(call[1]).append(',')
                    .append(OffsetDateTime.ofInstant(due, ZoneOffset.UTC)).append(',').append(call[2]).append(",\n");
        }
        desk.importCsv(csv.toString(), desk.today(), planner, Locale.ENGLISH);
    }
}
