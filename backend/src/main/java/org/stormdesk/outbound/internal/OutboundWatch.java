package org.stormdesk.outbound.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.JournalListener;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.outbound.OutboundDesk;
import org.stormdesk.outbound.OutboundKinds;
import org.stormdesk.outbound.Reallocation;
import org.stormdesk.traffic.StaffKinds;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells the managers when the outbound plan needs them (S7.4): after someone is pulled onto the lines or sent back, or a
 * plan import leaves calls without an agent, the reallocation is worked out again and, if calls would change agent,
 * managers are told how many and why, once per such event.
 */
@Singleton
public class OutboundWatch implements JournalListener {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundWatch.class);

    private final BeanProvider<OutboundDesk> desk;
    private final BeanProvider<Journal> journal;
    private final Messages messages;
    private final ExecutorService watching = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbound-watch");
        t.setDaemon(true);
        return t;
    });

    public OutboundWatch(BeanProvider<OutboundDesk> desk, BeanProvider<Journal> journal, Messages messages) {
        this.desk = desk;
        this.journal = journal;
        this.messages = messages;
    }

    /** The id of the notice an event gives rise to: one per event, however often it is looked at. */
    public static UUID noticeOf(UUID event) {
        return UUID.nameUUIDFromBytes(("outbound.watch:" + event).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void stored(List<StoredEntry> entries) {
        StoredEntry trigger = null;
        for (StoredEntry e : entries) {
            boolean unassigned = OutboundKinds.PLANNED.equals(e.kind()) && e.text("assignee") == null;
            if (StaffKinds.ALL.contains(e.kind()) || unassigned) {
                trigger = e;
            }
        }
        if (trigger != null) {
            StoredEntry event = trigger;
            watching.submit(() -> look(event));
        }
    }

    private void look(StoredEntry event) {
        try {
            Reallocation proposal = desk.get().proposal();
            if (!proposal.needed()) {
                return;
            }
            String why = proposal.pulled().isEmpty()
                    ? "outbound.notice.reviewUnassigned" : "outbound.notice.reviewPulled";
            String pulled = String.join(", ", proposal.pulled().stream().map(u -> proposal.names().getOrDefault(u, u)).toList());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("audience", List.of("role:manager"));
            payload.put("message", messages.inEvery(why, proposal.moves().size(), pulled, proposal.uncoveredCount()));
            payload.put("reason", OutboundKinds.REALLOCATED);
            journal.get().recordAsServer(List.of(Entry.of(noticeOf(event.id()), NoticeKinds.NOTICE_REQUESTED, proposal.incident(),
                    event.receivedAt(), payload)));
        } catch (RuntimeException failure) {
            LOG.warn("Could not look at the outbound plan after entry {}", event.id(), failure);
        }
    }
}
