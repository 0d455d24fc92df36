package org.stormdesk.power;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.SiteCode;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.power.db.AnnouncementRepository;
import org.stormdesk.power.db.AnnouncementRow;
import org.stormdesk.power.db.ItemRepository;
import org.stormdesk.power.db.ItemRow;
import org.stormdesk.power.db.OutageRepository;
import org.stormdesk.power.db.OutageRow;
import org.stormdesk.power.db.WarningRepository;
import org.stormdesk.power.db.WarningRow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Power through the API: announcements (journal entries, as a device's queued one would be), planned outages and
 * their plans (data the manager enters), and the plan's items done (entries again, so a tablet in the dark can tick
 * them offline).
 */
@Singleton
public class PowerDesk {

    public static final String API_DEVICE = "api";
    static final Pattern SITE = SiteCode.PATTERN;
    static final Set<String> AREAS = Set.of("where", "queues", "switch", "other");
    static final Duration LONGEST_OUTAGE = Duration.ofDays(3);
    static final Duration LONGEST_WARNING = Duration.ofDays(14);
    static final int MAX_ITEMS = 50;
    static final int MAX_ANNOUNCEMENTS = 50;

    private final Journal journal;
    private final AnnouncementRepository announcements;
    private final OutageRepository outages;
    private final ItemRepository items;
    private final WarningRepository warnings;
    private final PowerSettings settings;
    private final Clock clock;

    public PowerDesk(Journal journal, AnnouncementRepository announcements, OutageRepository outages,
                     ItemRepository items, WarningRepository warnings, PowerSettings settings, Clock clock) {
        this.journal = journal;
        this.announcements = announcements;
        this.outages = outages;
        this.items = items;
        this.warnings = warnings;
        this.settings = settings;
        this.clock = clock;
    }

    /** Posts an announcement to the staff on shift (at one site, or everywhere). */
    public Announcement announce(Actor actor, String text, @Nullable String language, @Nullable String site,
                                 @Nullable UUID clientId, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", text.strip());
        if (language != null) {
            payload.put("language", language);
        }
        if (site != null && !site.isBlank()) {
            payload.put("site", site.strip());
        }
        PushResult result = record(actor, clientId, PowerKinds.ANNOUNCEMENT_POSTED, payload, locale);
        return announcements.findById(result.id()).map(r -> view(r, locale))
                .orElseThrow(() -> ProblemException.conflict("power.refused.clientIdTaken"));
    }

    /** The newest announcements, in the reader's language where there is one. */
    public List<Announcement> announcements(Locale locale) {
        return announcements.newest(MAX_ANNOUNCEMENTS).stream().map(r -> view(r, locale)).toList();
    }

    private Announcement view(AnnouncementRow r, Locale locale) {
        String lang = tag(locale);
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "zh-CN", r.textZhCn());
        put(texts, "en", r.textEn());
        put(texts, "zh-TW", r.textZhTw());
        String text = texts.getOrDefault(lang, texts.values().stream().findFirst().orElse(""));
        boolean active = r.postedAt().plus(settings.bannerFor()).isAfter(clock.instant());
        return new Announcement(r.id(), text, r.site(), r.outage(), r.postedBy(), r.postedAt(), active);
    }

    private static void put(Map<String, String> texts, String lang, @Nullable String text) {
        if (text != null) {
            texts.put(lang, text);
        }
    }

    /** Enters a planned outage announced by property management, with its plan; the warnings are scheduled. */
    @Transactional
    public Outage plan(Actor actor, NewOutage o) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (o.site() == null || !SITE.matcher(o.site()).matches()) {
            errors.add(new ProblemException.Field("site", "power.outage.site"));
        }
        Instant start = instant(o.startsAt(), "startsAt", errors);
        Instant end = instant(o.endsAt(), "endsAt", errors);
        Instant now = clock.instant();
        if (start != null && end != null) {
            if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_OUTAGE) > 0) {
                errors.add(new ProblemException.Field("endsAt", "power.outage.window", LONGEST_OUTAGE.toHours()));
            } else if (!end.isAfter(now)) {
                errors.add(new ProblemException.Field("endsAt", "power.outage.past"));
            }
        }
        if (o.source() != null && o.source().length() > 500) {
            errors.add(new ProblemException.Field("source", "field.tooLong", 500));
        }
        List<Duration> before = new ArrayList<>();
        List<String> given = o.warnBefore() == null ? Arrays.asList(settings.warnBefore().split(",")) : o.warnBefore();
        if (given.size() > 5) {
            errors.add(new ProblemException.Field("warnBefore", "power.outage.warnBefore", LONGEST_WARNING.toDays()));
        }
        for (int i = 0; i < given.size(); i++) {
            try {
                Duration d = Duration.parse(given.get(i).strip());
                if (d.isNegative() || d.isZero() || d.compareTo(LONGEST_WARNING) > 0) {
                    throw new DateTimeParseException("out of range", given.get(i), 0);
                }
                if (!before.contains(d)) {
                    before.add(d);
                }
            } catch (DateTimeParseException | NullPointerException e) {
                errors.add(new ProblemException.Field("warnBefore[" + i + "]", "power.outage.warnBefore", LONGEST_WARNING.toDays()));
            }
        }
        List<NewOutage.PlanItem> plan = o.plan() == null ? List.of() : o.plan();
        if (plan.size() > MAX_ITEMS) {
            errors.add(new ProblemException.Field("plan", "power.outage.tooManyItems", MAX_ITEMS));
        }
        for (int i = 0; i < plan.size(); i++) {
            NewOutage.PlanItem item = plan.get(i);
            if (item == null || item.area() == null || !AREAS.contains(item.area())) {
                errors.add(new ProblemException.Field("plan[" + i + "].area", "power.outage.area"));
            }
            if (item == null || item.text() == null || item.text().isBlank() || item.text().length() > 500) {
                errors.add(new ProblemException.Field("plan[" + i + "].text", "power.outage.itemText", 500));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UUID id = o.clientId() == null ? UUID.randomUUID() : o.clientId();
        if (outages.existsById(id)) {
            return outage(id);
        }
        before.sort(Comparator.reverseOrder());
        String warnBefore = String.join(",", before.stream().map(Duration::toString).toList());
        outages.save(new OutageRow(id, o.site(), start, end, o.source() == null || o.source().isBlank() ? null : o.source().strip(),
                warnBefore, actor.username(), now, null, null, null));
        for (int i = 0; i < plan.size(); i++) {
            items.save(new ItemRow(UUID.nameUUIDFromBytes(("power.item:" + id + ":" + i).getBytes(StandardCharsets.UTF_8)),
                    id, i, plan.get(i).area(), plan.get(i).text().strip(), null, null, null));
        }
        for (WarningRow w : OutageWarnings.schedule(id, start, before, now)) {
            warnings.save(w);
        }
        return outage(id);
    }

    /** Calls a planned outage off: no more warnings, and its plan does not start. */
    @Transactional
    public Outage cancel(Actor actor, UUID id) {
        OutageRow o = outages.findById(id).orElseThrow(() -> ProblemException.notFound("power.outage.notFound"));
        if (o.cancelledAt() == null) {
            outages.update(new OutageRow(o.id(), o.site(), o.startsAt(), o.endsAt(), o.source(), o.warnBefore(),
                    o.createdBy(), o.createdAt(), o.startedAt(), clock.instant(), actor.username()));
            warnings.dropPending(id);
        }
        return outage(id);
    }

    public List<Outage> outages() {
        return outages.newest().stream().map(this::view).toList();
    }

    public Outage outage(UUID id) {
        return outages.findById(id).map(this::view).orElseThrow(() -> ProblemException.notFound("power.outage.notFound"));
    }

    /** Ticks an item of an outage's plan. */
    public PushResult itemDone(Actor actor, UUID outage, UUID item, @Nullable UUID clientId, Locale locale) {
        outage(outage);
        return record(actor, clientId, PowerKinds.OUTAGE_ITEM_DONE, Map.of("outage", outage.toString(), "item", item.toString()), locale);
    }

    private Outage view(OutageRow o) {
        Instant now = clock.instant();
        String state = o.cancelledAt() != null ? "cancelled" : !now.isBefore(o.endsAt()) ? "over"
                : o.startedAt() != null ? "running" : "planned";
        List<Outage.Warning> ws = warnings.findByOutageOrderByDueAt(o.id()).stream()
                .map(w -> new Outage.Warning(w.stage(), w.dueAt(), w.recordedAt())).toList();
        List<Outage.Item> plan = items.findByOutageOrderByPosition(o.id()).stream()
                .map(i -> new Outage.Item(i.id(), i.area(), i.text(), i.doneAt() != null, i.doneBy(), i.doneAt())).toList();
        return new Outage(o.id(), o.site(), o.startsAt(), o.endsAt(), o.source(),
                o.warnBefore().isEmpty() ? List.of() : List.of(o.warnBefore().split(",")), state, o.startedAt(),
                o.cancelledAt(), o.createdBy(), o.createdAt(), ws, plan);
    }

    private static @Nullable Instant instant(@Nullable String value, String field, List<ProblemException.Field> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new ProblemException.Field(field, "field.required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e2) {
                errors.add(new ProblemException.Field(field, "field.instant"));
                return null;
            }
        }
    }

    private PushResult record(Actor actor, @Nullable UUID clientId, String kind, Map<String, Object> payload, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(API_DEVICE, actor, Entry.of(id, kind, null, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    static String tag(Locale locale) {
        String l = locale.toLanguageTag();
        return l.startsWith("en") ? "en" : l.equals("zh-TW") || l.startsWith("zh-Hant") ? "zh-TW" : "zh-CN";
    }
}
