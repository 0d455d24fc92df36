package org.stormdesk.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.Settings;
import org.stormdesk.incident.db.IncidentRepository;
import org.stormdesk.incident.db.IncidentRow;
import org.stormdesk.incident.db.ReportRepository;
import org.stormdesk.incident.db.ReportRow;
import org.stormdesk.incident.internal.IncidentProjection;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.ChainCheck;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.journal.StoredEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What people do with incidents through the API. Every action is recorded as a journal entry, exactly as
 * a device's queued entry would be, so online and offline work go through the same rules.
 */
@Singleton
public class IncidentDesk {

    /** The device name for entries recorded through the API rather than a device's queue. */
    public static final String API_DEVICE = "api";
    private static final int RESOLVED_SHOWN = 200;

    private final Journal journal;
    private final IncidentRepository incidents;
    private final ReportRepository reports;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    /** How other capabilities' entries read in the log. */
    private final List<EntryText> texts;

    public IncidentDesk(Journal journal, IncidentRepository incidents, ReportRepository reports, Messages messages,
                        Clock clock, Settings settings, List<EntryText> texts) {
        this.journal = journal;
        this.texts = texts;
        this.incidents = incidents;
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
        this.zone = ZoneId.of(settings.timeZone());
    }

    public List<Incident> list(String state) {
        return list(state, DrillFilter.INCLUDE);
    }

    /** Incidents in a state; drills with the real ones (marked), left out, or alone. */
    public List<Incident> list(String state, DrillFilter drills) {
        List<IncidentRow> rows = switch (state) {
            case "resolved" -> incidents.findResolved(RESOLVED_SHOWN);
            case "all" -> incidents.findRecent(RESOLVED_SHOWN);
            default -> incidents.findUnresolved();
        };
        return rows.stream().filter(r -> drills.keeps(r.drill())).map(r -> view(r, null)).toList();
    }

    /** How many incidents, real ones and drills counted apart: {@code real} never includes a drill. */
    public Counts counts() {
        return new Counts(incidents.countOpen(false), incidents.countAll(false), incidents.countOpen(true),
                incidents.countAll(true));
    }

    /** Real incidents open and in all, and drills open and in all (open: not yet resolved). */
    @io.micronaut.serde.annotation.Serdeable
    public record Counts(long realOpen, long realAll, long drillsOpen, long drillsAll) {
    }

    /** Which incidents a list keeps: drills too, none, or only drills. */
    public enum DrillFilter {
        INCLUDE, EXCLUDE, ONLY;

        boolean keeps(boolean drill) {
            return this == INCLUDE || (this == ONLY) == drill;
        }

        public static Optional<DrillFilter> parse(@Nullable String wire) {
            if (wire == null) {
                return Optional.of(INCLUDE);
            }
            return switch (wire) {
                case "include" -> Optional.of(INCLUDE);
                case "exclude", "false" -> Optional.of(EXCLUDE);
                case "only", "true" -> Optional.of(ONLY);
                default -> Optional.empty();
            };
        }
    }

    /** An incident with its reports; agents see only their own reports. */
    public Incident get(UUID id, Actor reader) {
        IncidentRow row = incidents.findById(id).orElseThrow(() -> ProblemException.notFound("incident.notFound"));
        boolean all = !reader.roles().equals(java.util.Set.of("agent"));
        List<Incident.Report> list = reports.findByIncidentIdOrderBySeq(id).stream()
                .filter(r -> all || r.reporter().equals(reader.username()))
                .map(r -> new Incident.Report(r.id(), r.reporter(), r.seat(), r.note(), r.recordedAt(), r.receivedAt()))
                .toList();
        return view(row, list);
    }

    /** Files a report online; a repeated {@code clientId} answers what the first one got. */
    public Filed report(Actor actor, UUID clientId, String kind, @Nullable String seat, @Nullable String note, Locale locale) {
        return report(actor, clientId, kind, seat, note, null, locale);
    }

    /**
     * Files a report; with {@code participants} it starts a drill of that kind instead (supervisors, managers and
     * administrators): a new incident flagged as a drill that notifies only its participants.
     */
    public Filed report(Actor actor, UUID clientId, String kind, @Nullable String seat, @Nullable String note,
                        @Nullable List<String> participants, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (participants != null) {
            payload.put("drill", true);
            payload.put("participants", participants);
        }
        payload.put("kind", kind);
        if (seat != null && !seat.isBlank()) {
            payload.put("seat", seat.strip());
        }
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        PushResult result = journal.record(API_DEVICE, actor,
                Entry.of(clientId, EntryKinds.REPORT_FILED, null, clock.instant(), payload), locale);
        refuseIfRefused(result);
        UUID incident = result.incident();
        if (incident == null) {
            // stored before: answer what the first one got, if it was this person's report
            StoredEntry stored = journal.find(clientId).orElseThrow();
            if (!EntryKinds.REPORT_FILED.equals(stored.kind()) || !actor.username().equals(stored.actor())) {
                throw ProblemException.conflict("report.clientIdTaken");
            }
            incident = stored.incident();
        }
        boolean joined = !IncidentProjection.incidentOpenedBy(clientId).equals(incident);
        return new Filed(new ReportFiled(clientId, incident, joined), PushResult.STORED.equals(result.status()));
    }

    public Incident acknowledge(Actor actor, UUID incident, @Nullable UUID clientId, Locale locale) {
        act(actor, incident, clientId, EntryKinds.INCIDENT_ACKNOWLEDGED, Map.of(), locale);
        return get(incident, actor);
    }

    public PushResult note(Actor actor, UUID incident, @Nullable UUID clientId, String text, Locale locale) {
        return act(actor, incident, clientId, EntryKinds.NOTE_ADDED, Map.of("text", text), locale);
    }

    public Incident resolve(Actor actor, UUID incident, @Nullable UUID clientId, @Nullable Instant recoveredAt, Locale locale) {
        Map<String, Object> payload = recoveredAt == null ? Map.of() : Map.of("recoveredAt", recoveredAt.toString());
        act(actor, incident, clientId, EntryKinds.INCIDENT_RESOLVED, payload, locale);
        return get(incident, actor);
    }

    private PushResult act(Actor actor, UUID incident, @Nullable UUID clientId, String kind, Map<String, Object> payload,
                           Locale locale) {
        if (!incidents.existsById(incident)) {
            throw ProblemException.notFound("incident.notFound");
        }
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(API_DEVICE, actor, Entry.of(id, kind, incident, clock.instant(), payload), locale);
        refuseIfRefused(result);
        return result;
    }

    private static void refuseIfRefused(PushResult result) {
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
    }

    /** The management log (S1.4): every entry of the incident, in order, each with a sentence in the reader's language. */
    public List<LogLine> log(UUID incident, Locale locale) {
        if (!incidents.existsById(incident)) {
            throw ProblemException.notFound("incident.notFound");
        }
        IncidentRow row = incidents.findById(incident).orElseThrow();
        List<LogLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (StoredEntry e : journal.incidentLog(incident)) {
            int count = seen.merge(e.kind(), 1, Integer::sum);
            boolean redundant = count > 1 && (EntryKinds.INCIDENT_RESOLVED.equals(e.kind())
                    || EntryKinds.INCIDENT_ACKNOWLEDGED.equals(e.kind()));
            lines.add(new LogLine(e.seq(), e.id(), e.receivedAt(), e.recordedAt(), e.actor(), e.device(), e.kind(),
                    text(e, redundant, row, locale), e.hash(), e.prevHash(), redundant));
        }
        return lines;
    }

    public ChainCheck verify(UUID incident) {
        if (!incidents.existsById(incident)) {
            throw ProblemException.notFound("incident.notFound");
        }
        return journal.verify(incident);
    }

    private String text(StoredEntry e, boolean redundant, IncidentRow incident, Locale locale) {
        return switch (e.kind()) {
            case EntryKinds.INCIDENT_OPENED -> messages.get(locale, "log.opened", kindName(e.text("kind"), locale),
                    messages.get(locale, "severity." + e.text("severity")));
            case EntryKinds.REPORT_FILED -> {
                String where = e.text("seat") == null ? ""
                        : e.text("device") != null ? messages.get(locale, "site.log.atSeatDevice", e.text("seat"),
                        messages.get(locale, "site.device." + e.text("device")))
                        : messages.get(locale, "log.atSeat", e.text("seat"));
                String note = e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
                yield messages.get(locale, "log.reported", e.actor(), kindName(e.text("kind"), locale), where, note);
            }
            case EntryKinds.INCIDENT_ACKNOWLEDGED -> messages.get(locale, redundant ? "log.acknowledgedAgain" : "log.acknowledged", e.actor());
            case EntryKinds.NOTE_ADDED -> messages.get(locale, "log.note", e.actor(), e.text("text"));
            case EntryKinds.INCIDENT_RESOLVED -> {
                // the first resolution's recovery time is the one that stands (as the projection settled it)
                String claimed = e.text("recoveredAt");
                Instant at = !redundant && incident.recoveredAt() != null ? incident.recoveredAt()
                        : claimed == null ? e.recordedAt() : Instant.parse(claimed);
                yield messages.get(locale, redundant ? "log.resolvedAgain" : "log.resolved", e.actor(), format(at, locale));
            }
            default -> texts.stream().filter(t -> t.handles(e.kind())).findFirst()
                    .map(t -> t.text(e, locale)).orElse(e.kind());
        };
    }

    private String kindName(String kind, Locale locale) {
        return messages.get(locale, "kind." + kind);
    }

    private String format(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", locale).withZone(zone).format(at);
    }

    private static Incident view(IncidentRow r, @Nullable List<Incident.Report> reports) {
        return new Incident(r.id(), r.kind(), r.severity(), r.state(), r.scope(), r.seat(), r.startedAt(),
                r.acknowledgedAt(), r.acknowledgedBy(), r.recoveredAt(), r.resolvedBy(), r.reportCount(),
                r.reporterCount(), r.lastSeq(), reports, r.drill(),
                r.participants() == null ? null : List.of(r.participants().split(",")));
    }

    public Optional<Incident> find(UUID id) {
        return incidents.findById(id).map(r -> view(r, null));
    }

    /** A report's answer, and whether it was stored now (201) or before (200). */
    public record Filed(ReportFiled report, boolean created) {
    }
}
