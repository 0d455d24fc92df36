package org.stormdesk.evacuation.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.SiteCode;
import org.stormdesk.evacuation.EvacuationKinds;
import org.stormdesk.evacuation.MarkPolicy;
import org.stormdesk.evacuation.ZoneState;
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
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Judges and applies the evacuation entries, from devices (offline or not), the API and the alarm panel alike.
 * A real answer to a fire alarm is accepted after the server records the roll call's start (the people on shift on
 * the site, or the drill's participants) and a notice telling each of them to evacuate, in the same transaction.
 */
@Singleton
public class EvacuationEntries implements EntryHandler {

    public static final Set<String> ANSWERS = Set.of("fault", "test", "real");
    public static final String[] TRIAGE_ROLES = {"supervisor", "manager", "admin"};
    public static final String[] MARSHAL_ROLES = {"supervisor", "manager", "admin"};
    public static final String[] CLOSE_ROLES = {"manager", "admin"};
    public static final String[] ZONE_ROLES = {"supervisor", "manager", "maintenance", "admin"};
    public static final int MAX_NOTE = 500;
    public static final String DEFAULT_SITE = "hq";
    public static final Pattern SITE = SiteCode.PATTERN;
    /** An alarm zone's code, as the alarm panel names it (3F-A). */
    public static final Pattern ZONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final TriageRepository triages;
    private final RollCallRepository rollCalls;
    private final PersonRepository persons;
    private final SiteRepository sites;
    private final ZoneRepository zones;
    private final ShiftBook shifts;
    private final People people;
    private final Messages messages;
    private final Clock clock;
    /** Lazily: the incident desk is made with the journal, which is made with its handlers. */
    private final BeanProvider<IncidentDesk> incidents;

    public EvacuationEntries(TriageRepository triages, RollCallRepository rollCalls, PersonRepository persons,
                             SiteRepository sites, ZoneRepository zones, ShiftBook shifts, People people,
                             Messages messages, Clock clock, BeanProvider<IncidentDesk> incidents) {
        this.triages = triages;
        this.rollCalls = rollCalls;
        this.persons = persons;
        this.sites = sites;
        this.zones = zones;
        this.shifts = shifts;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
        this.incidents = incidents;
    }

    /** The id of the roll call's start recorded with a real answer. */
    public static UUID rollCallStartOf(UUID incident) {
        return UUID.nameUUIDFromBytes(("rollcall.started:" + incident).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the evacuation notice to one part of the people of a roll call (part 0, 1, ...). */
    public static UUID evacuateNoticeOf(UUID incident, int part) {
        return UUID.nameUUIDFromBytes(("rollcall.notice:" + incident + "|" + part).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of one part of a roll call's list of people (part 0, 1, ...). */
    public static UUID rollCallListOf(UUID incident, int part) {
        return UUID.nameUUIDFromBytes(("rollcall.listed:" + incident + "|" + part).getBytes(StandardCharsets.UTF_8));
    }

    /** People per list entry and per notice: an entry's payload stays well under the journal's limit. */
    public static final int PART = 50;

    /** The id of the notice to the managers when a zone leaves its normal state. */
    public static UUID zoneNoticeOf(UUID entry) {
        return UUID.nameUUIDFromBytes(("alarm.zone.notice:" + entry).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID personId(UUID incident, String username) {
        return UUID.nameUUIDFromBytes(("rollcall.person:" + incident + "|" + username).getBytes(StandardCharsets.UTF_8));
    }

    public static String zoneId(String site, String code) {
        return site + "/" + code;
    }

    @Override
    public boolean handles(String kind) {
        return EvacuationKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case EvacuationKinds.FIRE_TRIAGED -> judgeTriage(entry, actor);
            case EvacuationKinds.ROLLCALL_STARTED, EvacuationKinds.ROLLCALL_LISTED -> Verdict.refuse("journal.refused.serverOnly");
            case EvacuationKinds.ROLLCALL_MARKED -> judgeMark(entry, actor);
            case EvacuationKinds.ROLLCALL_CLOSED -> judgeClose(entry, actor);
            case EvacuationKinds.ZONE_SET -> judgeZone(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeTriage(Entry entry, Actor actor) {
        if (!actor.hasAny(TRIAGE_ROLES)) {
            return Verdict.refuse("evacuation.refused.role");
        }
        Optional<Incident> incident = incident(entry);
        if (incident.isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        if (!"fire".equals(incident.get().kind())) {
            return Verdict.refuse("evacuation.refused.notFire");
        }
        String answer = entry.text("answer");
        if (answer == null || !ANSWERS.contains(answer)) {
            return Verdict.refuse("evacuation.refused.answer");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        String site = siteOf(entry);
        if (site == null) {
            return Verdict.refuse("evacuation.refused.site");
        }
        UUID id = incident.get().id();
        boolean started = rollCalls.existsById(id);
        if (started && !"real".equals(answer)) {
            return Verdict.refuse("evacuation.refused.alreadyReal");
        }
        if (!"real".equals(answer) || started) {
            return Verdict.accept(id);
        }
        Instant at = entry.recordedAt().isAfter(clock.instant()) ? clock.instant() : entry.recordedAt();
        List<Map<String, Object>> expected = expected(incident.get(), site, at);
        String assembly = sites.findById(site).map(SiteRow::assemblyPoint).orElse("");
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("site", site);
        start.put("startedBy", actor.username());
        start.put("drill", incident.get().drill());
        start.put("assemblyPoint", assembly);
        start.put("expected", expected.size());
        List<Entry> first = new ArrayList<>();
        first.add(Entry.of(rollCallStartOf(id), EvacuationKinds.ROLLCALL_STARTED, id, entry.recordedAt(), start));
        // the people in parts (a site's whole shift would not fit one entry), each part told to evacuate
        for (int part = 0; part * PART < expected.size(); part++) {
            List<Map<String, Object>> some = expected.subList(part * PART, Math.min(expected.size(), (part + 1) * PART));
            first.add(Entry.of(rollCallListOf(id, part), EvacuationKinds.ROLLCALL_LISTED, id, entry.recordedAt(),
                    Map.of("part", part, "people", some)));
            first.add(Entry.of(evacuateNoticeOf(id, part), NoticeKinds.NOTICE_REQUESTED, id, entry.recordedAt(),
                    evacuateNotice(some, assembly, incident.get().drill())));
        }
        return Verdict.acceptAfter(id, first);
    }

    /** A drill's roll call expects its participants; a real one everyone on shift on the site. */
    private List<Map<String, Object>> expected(Incident incident, String site, Instant at) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (incident.drill()) {
            for (String username : incident.participants() == null ? List.<String>of() : incident.participants()) {
                String name = people.find(username).map(Person::displayName).orElse(username);
                out.add(person(username, name, null));
            }
            return out;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (ShiftBook.OnShift s : shifts.onShift(at, site)) {
            if (seen.add(s.username())) {
                out.add(person(s.username(), s.displayName(), s.position()));
            }
        }
        return out;
    }

    private static Map<String, Object> person(String username, String displayName, @Nullable String position) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", username);
        p.put("displayName", displayName);
        if (position != null) {
            p.put("position", position);
        }
        return p;
    }

    private Map<String, Object> evacuateNotice(List<Map<String, Object>> expected, String assembly, boolean drill) {
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            String where = assembly.isBlank() ? messages.get(locale, "evacuation.noAssemblyPoint") : assembly;
            message.put(tag(locale), messages.get(locale, drill ? "evacuation.notice.drill" : "evacuation.notice.evacuate", where));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", expected.stream().map(p -> "user:" + p.get("username")).toList());
        payload.put("message", message);
        payload.put("reason", EvacuationKinds.NOTICE_REASON_EVACUATE);
        return payload;
    }

    private Verdict judgeMark(Entry entry, Actor actor) {
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        Optional<RollCallRow> rollCall = rollCalls.findById(entry.incident());
        if (rollCall.isEmpty()) {
            return Verdict.refuse("evacuation.refused.noRollCall");
        }
        Optional<String> status = Optional.ofNullable(entry.text("status")).flatMap(MarkPolicy::parseMark);
        if (status.isEmpty()) {
            return Verdict.refuse("evacuation.refused.status");
        }
        String username = entry.text("username") == null ? actor.username() : entry.text("username");
        boolean self = username.equals(actor.username());
        if (self && !"safe".equals(status.get()) && !actor.hasAny(MARSHAL_ROLES)) {
            return Verdict.refuse("evacuation.refused.selfSafeOnly");
        }
        if (!self && !actor.hasAny(MARSHAL_ROLES)) {
            return Verdict.refuse("evacuation.refused.marshal");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        if (persons.find(entry.incident(), username).isEmpty() && people.find(username).isEmpty()) {
            return Verdict.refuse("evacuation.refused.unknownPerson", username);
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeClose(Entry entry, Actor actor) {
        if (!actor.hasAny(CLOSE_ROLES)) {
            return Verdict.refuse("evacuation.refused.closeRole");
        }
        if (entry.incident() == null) {
            return Verdict.refuse("incident.refused.noIncident");
        }
        Optional<RollCallRow> rollCall = rollCalls.findById(entry.incident());
        if (rollCall.isEmpty()) {
            return Verdict.refuse("evacuation.refused.noRollCall");
        }
        if (!"open".equals(rollCall.get().state())) {
            return Verdict.refuse("evacuation.refused.closed");
        }
        String reason = entry.text("reason");
        if (reason != null && reason.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        long unaccounted = persons.of(entry.incident()).stream().filter(p -> !MarkPolicy.accounted(p.status())).count();
        if (unaccounted > 0 && reason == null) {
            return Verdict.refuse("evacuation.refused.unaccounted", unaccounted);
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeZone(Entry entry, Actor actor) {
        if (!actor.hasAny(ZONE_ROLES)) {
            return Verdict.refuse("evacuation.refused.zoneRole");
        }
        String site = entry.text("site");
        String code = entry.text("zone");
        Optional<ZoneRow> zone = site == null || code == null ? Optional.empty() : zones.findById(zoneId(site, code));
        if (zone.isEmpty()) {
            return Verdict.refuse("evacuation.refused.unknownZone", site == null ? "" : site, code == null ? "" : code);
        }
        Optional<ZoneState> state = Optional.ofNullable(entry.text("state")).flatMap(ZoneState::parse);
        if (state.isEmpty()) {
            return Verdict.refuse("evacuation.refused.zoneState");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        if (entry.incident() != null) {
            return Verdict.refuse("evacuation.refused.zoneIncident");
        }
        boolean leavesNormal = ZoneState.NORMAL.wire().equals(zone.get().state()) && state.get() != ZoneState.NORMAL;
        if (!leavesNormal) {
            return Verdict.accept(null);
        }
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            message.put(tag(locale), messages.get(locale, "evacuation.notice.zone", zone.get().name(), site,
                    messages.get(locale, "evacuation.zoneState." + state.get().wire()), actor.username()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.of("role:manager"));
        payload.put("message", message);
        payload.put("reason", EvacuationKinds.NOTICE_REASON_ZONE);
        return Verdict.acceptAfter(null, List.of(Entry.of(zoneNoticeOf(entry.id()), NoticeKinds.NOTICE_REQUESTED, null,
                entry.recordedAt(), payload)));
    }

    private Optional<Incident> incident(Entry entry) {
        return entry.incident() == null ? Optional.empty() : incidents.get().find(entry.incident());
    }

    /** The site an answer names, else the only configured site, else the default; null when malformed. */
    private @Nullable String siteOf(Entry entry) {
        String site = entry.text("site");
        if (site != null) {
            return SITE.matcher(site).matches() ? site : null;
        }
        List<SiteRow> all = sites.everySite();
        return all.size() == 1 ? all.getFirst().code() : DEFAULT_SITE;
    }

    @Override
    public void apply(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        switch (e.kind()) {
            case EvacuationKinds.FIRE_TRIAGED -> {
                String site = e.text("site");
                if (site == null) {
                    site = rollCalls.findById(e.incident()).map(RollCallRow::site)
                            .or(() -> triages.findById(e.incident()).map(TriageRow::site)).orElse(DEFAULT_SITE);
                }
                TriageRow row = new TriageRow(e.incident(), e.text("answer"), site, e.actor(), at, blank(e.text("note")), e.seq());
                if (triages.existsById(e.incident())) {
                    triages.update(row);
                } else {
                    triages.save(row);
                }
            }
            case EvacuationKinds.ROLLCALL_STARTED -> rollCalls.save(new RollCallRow(e.incident(), e.text("site"),
                    Boolean.TRUE.equals(e.payload().get("drill")),
                    e.text("assemblyPoint") == null ? "" : e.text("assemblyPoint"), "open", at, startedBy(e), null, null,
                    null, null, e.seq()));
            case EvacuationKinds.ROLLCALL_LISTED -> applyListed(e);
            case EvacuationKinds.ROLLCALL_MARKED -> applyMark(e, at);
            case EvacuationKinds.ROLLCALL_CLOSED -> {
                List<PersonRow> all = persons.of(e.incident());
                String counts = count(all, "safe") + "/" + count(all, "absent") + "/" + count(all, "missing") + "/"
                        + count(all, "unknown");
                rollCalls.closed(e.incident(), at, e.actor(), blank(e.text("reason")), counts, e.seq());
            }
            case EvacuationKinds.ZONE_SET -> zones.changed(zoneId(e.text("site"), e.text("zone")), e.text("state"),
                    e.actor(), at, blank(e.text("note")), e.seq());
            default -> throw new IllegalArgumentException("Not an evacuation entry: " + e.kind());
        }
    }

    private static long count(List<PersonRow> all, String status) {
        return all.stream().filter(p -> p.status().equals(status)).count();
    }

    private void applyListed(StoredEntry e) {
        if (e.payload().get("people") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> p && p.get("username") instanceof String username) {
                    if (persons.existsById(personId(e.incident(), username))) {
                        continue;
                    }
                    String name = p.get("displayName") instanceof String s ? s : username;
                    String position = p.get("position") instanceof String s ? s : null;
                    persons.save(new PersonRow(personId(e.incident(), username), e.incident(), username, name, position,
                            true, "unknown", null, null, null, 0, e.seq()));
                }
            }
        }
        rollCalls.touch(e.incident(), e.seq());
    }

    private String startedBy(StoredEntry e) {
        Object by = e.payload().get("startedBy");
        return by instanceof String s ? s : e.actor();
    }

    private void applyMark(StoredEntry e, Instant at) {
        String username = e.text("username") == null ? e.actor() : e.text("username");
        String via = username.equals(e.actor()) ? "self" : "marshal";
        UUID id = personId(e.incident(), username);
        Optional<PersonRow> row = persons.findById(id);
        if (row.isEmpty()) {
            String name = people.find(username).map(Person::displayName).orElse(username);
            persons.save(new PersonRow(id, e.incident(), username, name, null, false, e.text("status"), e.actor(), at,
                    via, 1, e.seq()));
        } else if (MarkPolicy.rank(e.text("status")) > MarkPolicy.rank(row.get().status())) {
            persons.raised(id, e.text("status"), e.actor(), at, via, e.seq());
        } else {
            persons.counted(id, e.seq());
        }
        rollCalls.touch(e.incident(), e.seq());
    }

    @Override
    public void reset() {
        triages.forget();
        rollCalls.forget();
        persons.forget();
        zones.forget();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static String tag(Locale locale) {
        return Messages.EN.getLanguage().equals(locale.getLanguage()) ? "en"
                : Messages.ZH_TW.equals(locale) ? "zh-TW" : "zh-CN";
    }
}
