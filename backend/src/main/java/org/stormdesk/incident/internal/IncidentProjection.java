package org.stormdesk.incident.internal;

import jakarta.inject.Singleton;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.incident.IncidentKind;
import org.stormdesk.incident.ReportJoiningPolicy;
import org.stormdesk.incident.db.IncidentRepository;
import org.stormdesk.incident.db.IncidentRow;
import org.stormdesk.incident.db.ReportRepository;
import org.stormdesk.incident.db.ReportRow;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.people.People;
import org.stormdesk.site.SiteMap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Judges the incident entries before they are stored, and keeps {@code incident_incident} and
 * {@code incident_report} in step with the journal. The rules: a report opens or joins an incident
 * ({@link ReportJoiningPolicy}); the first acknowledgement and the first resolution count, later ones
 * change nothing (the log shows them as redundant); business times come from the device's clock but
 * never later than the server received them.
 */
@Singleton
public class IncidentProjection implements EntryHandler {

    static final int MAX_NOTE = 4000;
    static final int MAX_REPORT_NOTE = 2000;
    private static final Set<String> KINDS = Set.of(EntryKinds.REPORT_FILED, EntryKinds.NOTE_ADDED,
            EntryKinds.INCIDENT_OPENED, EntryKinds.INCIDENT_ACKNOWLEDGED, EntryKinds.INCIDENT_RESOLVED);
    static final String[] ACKNOWLEDGE_ROLES = {"supervisor", "manager", "admin"};
    static final String[] RESOLVE_ROLES = {"manager", "admin"};
    static final String[] NOTE_ROLES = {"supervisor", "manager", "leadership", "maintenance", "admin"};
    /** Who may start a drill. */
    public static final String[] DRILL_ROLES = {"supervisor", "manager", "admin"};
    public static final int MAX_PARTICIPANTS = 300;

    private final IncidentRepository incidents;
    private final ReportRepository reports;
    private final SiteMap site;
    private final People people;

    public IncidentProjection(IncidentRepository incidents, ReportRepository reports, SiteMap site, People people) {
        this.incidents = incidents;
        this.reports = reports;
        this.site = site;
        this.people = people;
    }

    /** The id of the incident a report opens when it joins none: derived from the report, so a replay gives the same. */
    public static UUID incidentOpenedBy(UUID reportId) {
        return UUID.nameUUIDFromBytes(("incident:" + reportId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID openingEntryOf(UUID reportId) {
        return UUID.nameUUIDFromBytes(("incident.opened:" + reportId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handles(String kind) {
        return KINDS.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case EntryKinds.REPORT_FILED -> judgeReport(entry, actor);
            case EntryKinds.INCIDENT_OPENED -> Verdict.refuse("journal.refused.serverOnly");
            case EntryKinds.INCIDENT_ACKNOWLEDGED -> onIncident(entry, actor, ACKNOWLEDGE_ROLES, false);
            case EntryKinds.INCIDENT_RESOLVED -> judgeResolution(entry, actor);
            case EntryKinds.NOTE_ADDED -> judgeNote(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeReport(Entry entry, Actor actor) {
        Optional<IncidentKind> kind = Optional.ofNullable(entry.text("kind")).flatMap(IncidentKind::parse);
        if (kind.isEmpty()) {
            return Verdict.refuse("incident.refused.kind");
        }
        String seat = entry.text("seat");
        if (seat != null && !site.seatExists(seat)) {
            return Verdict.refuse("incident.refused.seat", seat);
        }
        String device = entry.text("device");
        if (device != null && (kind.get() != IncidentKind.EQUIPMENT || seat == null || !site.hasDevice(seat, device))) {
            return Verdict.refuse("site.refused.deviceAtSeat", device, seat == null ? "" : seat);
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_REPORT_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_REPORT_NOTE);
        }
        boolean drill = Boolean.TRUE.equals(entry.payload().get("drill"));
        List<String> participants = List.of();
        if (drill) {
            if (!actor.hasAny(DRILL_ROLES)) {
                return Verdict.refuse("incident.refused.drillRole");
            }
            participants = participantList(entry.payload().get("participants"));
            if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
                return Verdict.refuse("incident.refused.participants", MAX_PARTICIPANTS);
            }
            for (String username : participants) {
                if (people.find(username).isEmpty()) {
                    return Verdict.refuse("incident.refused.unknownParticipant", username);
                }
            }
        }
        // a drill is its own scope: no real report ever joins it, and it joins no real incident
        String scope = drill ? "drill:" + entry.id() : ReportJoiningPolicy.scopeOf(kind.get(), seat, actor.username());
        Instant recordedAt = entry.recordedAt();
        List<ReportJoiningPolicy.Candidate> candidates = incidents.candidates(kind.get().wire(), scope, recordedAt).stream()
                .map(r -> new ReportJoiningPolicy.Candidate(r.id(), r.startedAt(), r.recoveredAt()))
                .toList();
        Optional<UUID> joined = ReportJoiningPolicy.choose(candidates, recordedAt);
        if (joined.isPresent()) {
            return Verdict.accept(joined.get());
        }
        UUID incident = incidentOpenedBy(entry.id());
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("kind", kind.get().wire());
        opened.put("scope", scope);
        if (seat != null && kind.get().perSeat()) {
            opened.put("seat", seat);
        }
        opened.put("severity", kind.get().defaultSeverity().wire());
        opened.put("report", entry.id().toString());
        if (drill) {
            opened.put("drill", true);
            opened.put("participants", participants);
        }
        return Verdict.acceptAfter(incident, List.of(Entry.of(openingEntryOf(entry.id()), EntryKinds.INCIDENT_OPENED,
                incident, recordedAt, opened)));
    }

    private Verdict judgeResolution(Entry entry, Actor actor) {
        Verdict verdict = onIncident(entry, actor, RESOLVE_ROLES, false);
        if (verdict instanceof Verdict.Refused) {
            return verdict;
        }
        String recovered = entry.text("recoveredAt");
        if (recovered != null) {
            try {
                Instant.parse(recovered);
            } catch (DateTimeParseException e) {
                return Verdict.refuse("incident.refused.recoveredAt");
            }
        }
        return verdict;
    }

    private Verdict judgeNote(Entry entry, Actor actor) {
        String text = entry.text("text");
        if (text == null) {
            return Verdict.refuse("incident.refused.noteEmpty");
        }
        if (text.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        return onIncident(entry, actor, NOTE_ROLES, true);
    }

    /** An entry about an existing incident, by someone whose role allows it (or, for notes, who reported it). */
    private Verdict onIncident(Entry entry, Actor actor, String[] roles, boolean reporterMay) {
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        if (!incidents.existsById(entry.incident())) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        boolean allowed = actor.hasAny(roles)
                || (reporterMay && reports.existsByIncidentIdAndReporter(entry.incident(), actor.username()));
        return allowed ? Verdict.accept(entry.incident()) : Verdict.refuse("incident.refused.role");
    }

    @Override
    public void apply(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        switch (e.kind()) {
            case EntryKinds.INCIDENT_OPENED -> incidents.save(new IncidentRow(e.incident(), e.text("kind"),
                    e.text("scope"), e.text("seat"), e.text("severity"), "open", at, e.receivedAt(),
                    null, null, null, null, 0, 0, e.seq(), Boolean.TRUE.equals(e.payload().get("drill")),
                    participants(e.payload().get("participants"))));
            case EntryKinds.REPORT_FILED -> applyReport(e, at);
            case EntryKinds.INCIDENT_ACKNOWLEDGED -> incidents.findById(e.incident()).ifPresent(i -> incidents.update(
                    i.acknowledgedAt() != null || "resolved".equals(i.state())
                            ? touched(i, e.seq())
                            : new IncidentRow(i.id(), i.kind(), i.scope(), i.seat(), i.severity(), "acknowledged",
                            i.startedAt(), i.openedAt(), max(at, i.startedAt()), e.actor(), i.recoveredAt(), i.resolvedBy(),
                            i.reportCount(), i.reporterCount(), e.seq(), i.drill(), i.participants())));
            case EntryKinds.INCIDENT_RESOLVED -> incidents.findById(e.incident()).ifPresent(i -> incidents.update(
                    "resolved".equals(i.state())
                            ? touched(i, e.seq())
                            : new IncidentRow(i.id(), i.kind(), i.scope(), i.seat(), i.severity(), "resolved",
                            i.startedAt(), i.openedAt(), i.acknowledgedAt(), i.acknowledgedBy(),
                            max(recoveredAt(e, at), i.startedAt()), e.actor(), i.reportCount(), i.reporterCount(), e.seq(),
                            i.drill(), i.participants())));
            case EntryKinds.NOTE_ADDED -> incidents.touch(e.incident(), e.seq());
            default -> throw new IllegalArgumentException("Not an incident entry: " + e.kind());
        }
    }

    private void applyReport(StoredEntry e, Instant at) {
        boolean newReporter = !reports.existsByIncidentIdAndReporter(e.incident(), e.actor());
        reports.save(new ReportRow(e.id(), e.incident(), e.actor(), e.text("kind"), e.text("seat"), e.text("note"),
                at, e.receivedAt(), e.seq()));
        if (incidents.countReport(e.incident(), newReporter ? 1 : 0, at, e.seq()) != 1) {
            throw new IllegalStateException("Report " + e.id() + " joins unknown incident " + e.incident());
        }
    }

    private static Instant recoveredAt(StoredEntry e, Instant fallback) {
        String given = e.text("recoveredAt");
        Instant recovered = given == null ? fallback : Instant.parse(given).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return recovered.isAfter(e.receivedAt()) ? e.receivedAt() : recovered;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static IncidentRow touched(IncidentRow i, long seq) {
        return new IncidentRow(i.id(), i.kind(), i.scope(), i.seat(), i.severity(), i.state(), i.startedAt(),
                i.openedAt(), i.acknowledgedAt(), i.acknowledgedBy(), i.recoveredAt(), i.resolvedBy(),
                i.reportCount(), i.reporterCount(), seq, i.drill(), i.participants());
    }

    /** A drill's participants as the payload gives them: distinct usernames, in order; empty when malformed. */
    public static List<String> participantList(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank() || s.length() > 40 || s.contains(",")) {
                return List.of();
            }
            out.add(s.strip());
        }
        return new ArrayList<>(out);
    }

    private static String participants(Object value) {
        List<String> list = participantList(value);
        return list.isEmpty() ? null : String.join(",", list);
    }

    @Override
    public void reset() {
        reports.deleteAll();
        incidents.deleteAll();
    }
}
