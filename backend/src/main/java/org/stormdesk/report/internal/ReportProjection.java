package org.stormdesk.report.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.escalation.EscalationKinds;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.report.ReportKinds;
import org.stormdesk.report.db.FactRepository;
import org.stormdesk.report.db.IncidentFactRow;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The report read model, kept from the journal by entry kind: incidents (times by the incident projection's
 * rules, site, drill), escalations fired and acknowledged, customers captured by hand and back-filled, callbacks
 * attempted. Kinds of capabilities that are not installed simply never come, and their figures stay at zero.
 * Idempotent: each row is keyed by the entry that made it, so applying an entry twice changes nothing.
 */
@Singleton
public class ReportProjection implements JournalProjection {

    /** How many incidents the shortcuts below remember (the newest ones: a report storm joins one or a few). */
    private static final int REMEMBERED = 1024;

    private final FactRepository facts;
    private final Roster roster;
    /**
     * Incidents whose start and site this projection last wrote, so that a report storm's thousand reports joining
     * one incident cost no statement here beyond the first (the single journal writer is the hot path). Only a
     * shortcut: when the writer's transaction were rolled back, the worst case is an incident shown without a site.
     */
    private final Map<UUID, Known> known = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Known> eldest) {
            return size() > REMEMBERED;
        }
    });

    private record Known(Instant startedAt, boolean sited) {
    }

    public ReportProjection(FactRepository facts, Roster roster) {
        this.facts = facts;
        this.roster = roster;
    }

    @Override
    public void apply(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        UUID incident = e.incident() != null ? e.incident() : uuid(e.text("incidentId"));
        switch (e.kind()) {
            case EntryKinds.INCIDENT_OPENED -> {
                if (facts.incidentCount(e.incident()) == 0) {
                    facts.opened(e.incident(), e.text("kind"), e.text("severity"), blankToNull(e.text("site")),
                            isDrill(e), at);
                }
            }
            case EntryKinds.REPORT_FILED -> {
                if (e.incident() == null) {
                    return;
                }
                Known before = known.get(e.incident());
                if (before == null || at.isBefore(before.startedAt())) {
                    facts.reportedAt(e.incident(), at);
                }
                if (isDrill(e)) {
                    facts.drill(e.incident());
                }
                boolean sited = before != null && before.sited();
                if (!sited) {
                    String site = blankToNull(e.text("site"));
                    if (site == null) {
                        site = roster.shiftOf(e.actor(), at).map(Shift::site).orElse(null);
                    }
                    if (site != null) {
                        facts.site(e.incident(), site);
                        sited = true;
                    }
                }
                Instant start = before == null || at.isBefore(before.startedAt()) ? at : before.startedAt();
                known.put(e.incident(), new Known(before == null ? at : start, sited));
            }
            case EntryKinds.INCIDENT_ACKNOWLEDGED -> started(e.incident())
                    .ifPresent(start -> facts.acknowledged(e.incident(), max(at, start)));
            case EntryKinds.INCIDENT_RESOLVED -> started(e.incident())
                    .ifPresent(start -> facts.recovered(e.incident(), max(recoveredAt(e, at), start)));
            case EscalationKinds.ESCALATION_FIRED -> {
                if (facts.escalationCount(e.id()) == 0) {
                    facts.fired(e.id(), e.incident(), orElse(e.text("timer"), "?"), e.text("clause"),
                            e.payload().get("level") instanceof Number n ? n.intValue() : 1, e.receivedAt(),
                            e.text("ackWithin"));
                }
            }
            case EscalationKinds.ESCALATION_ACKNOWLEDGED -> {
                UUID firing = uuid(e.text("firing"));
                if (firing != null) {
                    facts.escalationAcknowledged(firing, at);
                }
            }
            case ReportKinds.CUSTOMER_CAPTURED -> {
                UUID id = Optional.ofNullable(uuid(e.text("recordId"))).orElse(e.id());
                if (facts.customerCount(id) == 0) {
                    boolean promised = Boolean.TRUE.equals(e.payload().get("callbackPromised"))
                            || "true".equals(e.text("callbackPromised"));
                    facts.captured(id, incident, at, promised, instant(e.text("callbackDueAt")));
                }
            }
            case ReportKinds.CUSTOMER_BACKFILLED -> record(e).ifPresent(id -> facts.backfilled(id, at));
            case ReportKinds.CUSTOMER_BACKFILL_REJECTED -> record(e).ifPresent(id -> facts.rejected(id, at));
            case ReportKinds.CALLBACK_ATTEMPTED -> {
                if (facts.callbackCount(e.id()) == 0) {
                    String outcome = orElse(e.text("outcome"), "unknown");
                    facts.attempted(e.id(), e.text("taskId"), incident, outcome, at);
                    if ("reached".equals(outcome)) {
                        UUID customer = Optional.ofNullable(uuid(e.text("recordId"))).orElse(uuid(e.text("taskId")));
                        if (customer != null) {
                            facts.reached(customer, at);
                        }
                    }
                }
            }
            default -> {
                if (e.kind().startsWith(ReportKinds.DRILL_PREFIX) && incident != null) {
                    facts.drill(incident);
                }
            }
        }
    }

    @Override
    public void reset() {
        known.clear();
        facts.forgetIncidents();
        facts.forgetEscalations();
        facts.forgetCustomers();
        facts.forgetCallbacks();
    }

    private Optional<Instant> started(@Nullable UUID incident) {
        return incident == null ? Optional.empty() : facts.incident(incident).map(IncidentFactRow::startedAt);
    }

    private static Optional<UUID> record(StoredEntry e) {
        return Optional.ofNullable(uuid(e.text("recordId")));
    }

    private static boolean isDrill(StoredEntry e) {
        Object drill = e.payload().get("drill");
        return Boolean.TRUE.equals(drill) || "true".equals(String.valueOf(drill));
    }

    private static Instant recoveredAt(StoredEntry e, Instant fallback) {
        Instant given = instant(e.text("recoveredAt"));
        Instant recovered = given == null ? fallback : given.truncatedTo(ChronoUnit.MILLIS);
        return recovered.isAfter(e.receivedAt()) ? e.receivedAt() : recovered;
    }

    static @Nullable UUID uuid(@Nullable String s) {
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Instant instant(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orElse(@Nullable String s, String fallback) {
        return s == null ? fallback : s;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
