package org.stormdesk.presence.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.presence.OnDuty;
import org.stormdesk.presence.PresenceDesk;
import org.stormdesk.presence.PresenceKinds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * While an incident is open, records in its log that someone on duty is away without leave because their app stopped
 * answering (S2.4: leaving without leave shows up). The entry's id is derived from the person and the heartbeat it
 * rests on, so that however many nodes run the sweep, and however often, it is recorded once per silence.
 */
@Singleton
public class PresenceSweep {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceSweep.class);

    private final PresenceDesk desk;
    private final IncidentDesk incidents;
    private final Journal journal;
    private final Clock clock;
    private final boolean scheduled;

    public PresenceSweep(PresenceDesk desk, IncidentDesk incidents, Journal journal, Clock clock,
                         @Value("${stormdesk.presence.sweep:true}") boolean scheduled) {
        this.desk = desk;
        this.incidents = incidents;
        this.journal = journal;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void everyHalfMinute() {
        if (!scheduled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The presence sweep failed; it runs again shortly", e);
        }
    }

    /** Records each new silence during an open incident; answers how many entries were stored. */
    public int run() {
        Optional<UUID> incident = PresenceEntries.openIncident(incidents);
        if (incident.isEmpty()) {
            return 0;
        }
        List<Entry> entries = new ArrayList<>();
        for (OnDuty d : desk.dutyList()) {
            // a silence the duty list sees now (since = the last heartbeat), not one already recorded
            if ("away".equals(d.state()) && "silent".equals(d.awayReason()) && d.lastSeenAt() != null
                    && d.lastSeenAt().equals(d.since())) {
                UUID id = UUID.nameUUIDFromBytes(("presence.silent:" + d.username() + ":" + d.lastSeenAt().toEpochMilli())
                        .getBytes(StandardCharsets.UTF_8));
                entries.add(Entry.of(id, PresenceKinds.AWAY, incident.get(), clock.instant(), Map.of("username", d.username())));
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }
        int stored = 0;
        for (PushResult r : journal.recordAsServer(entries)) {
            if (PushResult.STORED.equals(r.status())) {
                stored++;
            }
        }
        return stored;
    }
}
