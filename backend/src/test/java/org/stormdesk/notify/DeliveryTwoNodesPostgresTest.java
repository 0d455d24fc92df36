package org.stormdesk.notify;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;
import org.stormdesk.notify.internal.ChannelBook;
import org.stormdesk.support.Postgres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one PostgreSQL, both sweeping every second: each delivery is sent exactly once. */
class DeliveryTwoNodesPostgresTest {

    @Test
    void twoNodesSweepingOneOutboxSendEachDeliveryOnce() throws Exception {
        Map<String, String> database = Postgres.freshDatabase();
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("stormdesk.notify.sweep", true);
        try (Receivers receivers = new Receivers();
             ApplicationContext one = ApplicationContext.run(properties, "test", "demo");
             ApplicationContext two = ApplicationContext.run(properties, "test", "demo")) {
            one.getBean(ChannelBook.class).update(List.of(
                    new ChannelBook.Update("app", false, null),
                    new ChannelBook.Update("webhook", true, Map.of("url", receivers.url("/webhook")))), "admin");
            List<Entry> notices = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                notices.add(Entry.of(UUID.randomUUID(), NoticeKinds.NOTICE_REQUESTED, null, Instant.now(),
                        Map.of("audience", List.of("user:leader"), "message", Map.of("en", "Notice " + i))));
            }
            one.getBean(Journal.class).recordAsServer(notices.subList(0, 20));
            two.getBean(Journal.class).recordAsServer(notices.subList(20, 40));

            DeliveryRepository deliveries = one.getBean(DeliveryRepository.class);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && sent(deliveries) < 40) {
                Thread.sleep(200);
            }
            assertThat(sent(deliveries)).isEqualTo(40);
            Thread.sleep(1500); // one more sweep on each node: nothing is sent again
            List<String> received = receivers.at("/webhook").stream().map(r -> r.headers().get("x-stormdesk-delivery")).toList();
            assertThat(received).hasSize(40).doesNotHaveDuplicates();
        } finally {
            Postgres.drop(database.get("stormdesk.test.database"));
        }
    }

    private static long sent(DeliveryRepository deliveries) {
        return StreamSupport.stream(deliveries.findAll().spliterator(), false)
                .filter(r -> r.state().equals(DeliveryRow.SENT) && r.channel().equals("webhook")).count();
    }
}
