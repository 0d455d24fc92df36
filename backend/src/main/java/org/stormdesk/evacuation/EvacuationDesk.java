package org.stormdesk.evacuation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.evacuation.db.PersonRepository;
import org.stormdesk.evacuation.db.PersonRow;
import org.stormdesk.evacuation.db.RollCallRepository;
import org.stormdesk.evacuation.db.RollCallRow;
import org.stormdesk.evacuation.db.SiteRepository;
import org.stormdesk.evacuation.db.SiteRow;
import org.stormdesk.evacuation.db.TriageRepository;
import org.stormdesk.evacuation.db.TriageRow;
import org.stormdesk.evacuation.db.ZoneRepository;
import org.stormdesk.evacuation.db.ZoneRow;
import org.stormdesk.evacuation.internal.EvacuationEntries;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.people.People;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evacuation through the API: the sites' assembly points and procedures, a fire incident's first question and its
 * answer, the roll call and its marks, and the alarm zones. Every fact is recorded as a journal entry, exactly as a
 * device's queued entry would be; marshals (supervisors, managers, administrators) read a roll call in full, anyone
 * else only their own line.
 */
@Singleton
public class EvacuationDesk {

    /** The device name of entries the alarm panel sends. */
    public static final String PANEL_DEVICE = "alarm-panel";
    static final int MAX_PROCEDURE = 4000;

    private final Journal journal;
    private final IncidentDesk incidents;
    private final People people;
    private final SiteRepository sites;
    private final TriageRepository triages;
    private final RollCallRepository rollCalls;
    private final PersonRepository persons;
    private final ZoneRepository zones;
    private final Clock clock;

    public EvacuationDesk(Journal journal, IncidentDesk incidents, People people, SiteRepository sites,
                          TriageRepository triages, RollCallRepository rollCalls, PersonRepository persons,
                          ZoneRepository zones, Clock clock) {
        this.journal = journal;
        this.incidents = incidents;
        this.people = people;
        this.sites = sites;
        this.triages = triages;
        this.rollCalls = rollCalls;
        this.persons = persons;
        this.zones = zones;
        this.clock = clock;
    }

    public List<EvacuationSite> sites() {
        return sites.everySite().stream().map(EvacuationDesk::site).toList();
    }

    public Optional<EvacuationSite> site(String code) {
        return sites.findById(code).map(EvacuationDesk::site);
    }

    private static EvacuationSite site(SiteRow r) {
        return new EvacuationSite(r.code(), r.name(), r.assemblyPoint(), r.procedureText(), r.updatedBy(), r.updatedAt());
    }

    /** Sets a site's name, assembly point and evacuation procedure (administrators). */
    @Transactional
    public EvacuationSite saveSite(Actor actor, String code, String name, String assemblyPoint, String procedure) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (!EvacuationEntries.SITE.matcher(code).matches()) {
            errors.add(new ProblemException.Field("code", "evacuation.refused.site"));
        }
        text(errors, "name", name, 100);
        text(errors, "assemblyPoint", assemblyPoint, 500);
        text(errors, "procedure", procedure, MAX_PROCEDURE);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SiteRow row = new SiteRow(code, name.strip(), assemblyPoint.strip(), procedure.strip(), actor.username(), clock.instant());
        if (sites.existsById(code)) {
            sites.update(row);
        } else {
            sites.save(row);
        }
        return site(row);
    }

    /** Seeds a site unless it is there (the demo's). */
    @Transactional
    public void addSiteIfAbsent(String code, String name, String assemblyPoint, String procedure) {
        if (!sites.existsById(code)) {
            sites.save(new SiteRow(code, name, assemblyPoint, procedure, "system", clock.instant()));
        }
    }

    private static void text(List<ProblemException.Field> errors, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new ProblemException.Field(field, "field.required"));
        } else if (value.length() > max) {
            errors.add(new ProblemException.Field(field, "field.tooLong", max));
        }
    }

    /** A fire incident's first question, with whom to call at property management and the latest answer. */
    public FireTriage triage(UUID incident) {
        Incident i = incidents.find(incident).orElseThrow(() -> ProblemException.notFound("incident.notFound"));
        if (!"fire".equals(i.kind())) {
            throw ProblemException.notFound("evacuation.refused.notFire");
        }
        Optional<TriageRow> row = triages.findById(incident);
        String site = rollCalls.findById(incident).map(RollCallRow::site)
                .or(() -> row.map(TriageRow::site))
                .orElseGet(() -> sites.everySite().size() == 1 ? sites.everySite().getFirst().code() : EvacuationEntries.DEFAULT_SITE);
        String assembly = sites.findById(site).map(SiteRow::assemblyPoint).orElse("");
        return new FireTriage(incident, i.drill(), row.map(TriageRow::answer).orElse(null),
                row.map(TriageRow::answeredBy).orElse(null), row.map(TriageRow::answeredAt).orElse(null),
                row.map(TriageRow::note).orElse(null), site, assembly,
                people.contacts().stream().filter(c -> "property".equals(c.category())).toList(),
                rollCalls.existsById(incident));
    }

    /** Records an entry of this capability as a person through the API; a refusal is a 400 with its reason. */
    public PushResult record(Actor actor, String device, @Nullable UUID clientId, String kind, @Nullable UUID incident,
                             Map<String, Object> payload, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(device, actor, Entry.of(id, kind, incident, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    /** Whether a person reads a roll call in full (a marshal) or only their own line. */
    public static boolean isMarshal(Actor reader) {
        return reader.hasAny("supervisor", "manager", "leadership", "admin");
    }

    public RollCall rollCall(UUID incident, Actor reader) {
        RollCallRow row = rollCalls.findById(incident).orElseThrow(() -> ProblemException.notFound("evacuation.refused.noRollCall"));
        return view(row, reader);
    }

    /** Roll calls, newest first: the open ones, or the latest 100. */
    public List<RollCall> rollCalls(Actor reader, boolean openOnly) {
        List<RollCallRow> rows = openOnly ? rollCalls.open() : rollCalls.newest(100);
        return rows.stream().map(r -> view(r, reader)).toList();
    }

    private RollCall view(RollCallRow r, Actor reader) {
        List<PersonRow> all = persons.of(r.incidentId());
        int safe = 0;
        int absent = 0;
        int missing = 0;
        int unknown = 0;
        for (PersonRow p : all) {
            switch (p.status()) {
                case "safe" -> safe++;
                case "absent" -> absent++;
                case "missing" -> missing++;
                default -> unknown++;
            }
        }
        boolean full = isMarshal(reader);
        List<RollCall.Person> shown = all.stream().filter(p -> full || p.username().equals(reader.username()))
                .map(p -> new RollCall.Person(p.username(), p.displayName(), p.position(), p.listed(), p.status(),
                        p.markedBy(), p.markedAt(), p.via(), p.marks()))
                .toList();
        String procedure = sites.findById(r.site()).map(SiteRow::procedureText).orElse(null);
        return new RollCall(r.incidentId(), r.site(), r.drill(), r.state(), r.assemblyPoint(), procedure, r.startedAt(),
                r.startedBy(), r.closedAt(), r.closedBy(), r.closeReason(),
                new RollCall.Counts(all.size(), safe, absent, missing, unknown, safe + absent), shown, r.lastSeq());
    }

    public List<AlarmZone> zones(@Nullable String site) {
        List<ZoneRow> rows = site == null ? zones.everyZone() : zones.ofSite(site);
        return rows.stream().map(EvacuationDesk::zone).toList();
    }

    private static AlarmZone zone(ZoneRow z) {
        return new AlarmZone(z.site(), z.code(), z.name(), z.floor(), z.state(), ZoneState.NORMAL.wire().equals(z.state()),
                z.changedBy(), z.changedAt(), z.note());
    }

    /** Adds a zone to a site, or renames it (administrators); a new zone starts normal. */
    @Transactional
    public AlarmZone defineZone(String site, String code, String name, @Nullable String floor) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (!EvacuationEntries.SITE.matcher(site).matches()) {
            errors.add(new ProblemException.Field("site", "evacuation.refused.site"));
        }
        if (!EvacuationEntries.ZONE.matcher(code).matches()) {
            errors.add(new ProblemException.Field("code", "evacuation.refused.zoneCode"));
        }
        text(errors, "name", name, 100);
        if (floor != null && floor.length() > 20) {
            errors.add(new ProblemException.Field("floor", "field.tooLong", 20));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String id = EvacuationEntries.zoneId(site, code);
        Optional<ZoneRow> existing = zones.findById(id);
        ZoneRow row = existing.map(z -> new ZoneRow(id, site, code, name.strip(), floor, z.state(), z.changedBy(),
                        z.changedAt(), z.note(), z.lastSeq()))
                .orElse(new ZoneRow(id, site, code, name.strip(), floor, ZoneState.NORMAL.wire(), null, null, null, 0));
        if (existing.isPresent()) {
            zones.update(row);
        } else {
            zones.save(row);
        }
        return zone(row);
    }

    /** Sets a zone's state, as a person or the alarm panel. */
    public AlarmZone setZone(Actor actor, String device, @Nullable UUID clientId, String site, String code, String state,
                             @Nullable String note, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("site", site);
        payload.put("zone", code);
        payload.put("state", state);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        record(actor, device, clientId, EvacuationKinds.ZONE_SET, null, payload, locale);
        return zones.findById(EvacuationEntries.zoneId(site, code)).map(EvacuationDesk::zone).orElseThrow();
    }

    /**
     * What the alarm panel reports: each zone whose state differs from the one known is recorded (as the panel's
     * account, from device {@value #PANEL_DEVICE}); the same state again records nothing. Answers every zone of the site.
     */
    public List<AlarmZone> panel(Actor actor, String site, List<Map.Entry<String, String>> states, Locale locale) {
        List<ProblemException.Field> errors = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Map.Entry<String, String> s = states.get(i);
            if (s.getKey() == null || zones.findById(EvacuationEntries.zoneId(site, s.getKey())).isEmpty()) {
                errors.add(new ProblemException.Field("zones[" + i + "].zone", "evacuation.refused.unknownZone", site,
                        String.valueOf(s.getKey())));
            } else if (s.getValue() == null || ZoneState.parse(s.getValue()).isEmpty()) {
                errors.add(new ProblemException.Field("zones[" + i + "].state", "evacuation.refused.zoneState"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (Map.Entry<String, String> s : states) {
            ZoneRow now = zones.findById(EvacuationEntries.zoneId(site, s.getKey())).orElseThrow();
            if (!now.state().equals(s.getValue())) {
                setZone(actor, PANEL_DEVICE, null, site, s.getKey(), s.getValue(), null, locale);
            }
        }
        return zones(site);
    }
}
