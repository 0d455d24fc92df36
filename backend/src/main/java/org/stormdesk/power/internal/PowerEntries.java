package org.stormdesk.power.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.SiteCode;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.power.PowerKinds;
import org.stormdesk.power.db.AnnouncementRepository;
import org.stormdesk.power.db.AnnouncementRow;
import org.stormdesk.power.db.ItemRepository;
import org.stormdesk.power.db.OutageRepository;
import org.stormdesk.power.db.OutageRow;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Judges and applies the power entries. An announcement reaches everyone on shift when it is stored (at its site, or
 * anywhere), and for an outage's warning also everyone on shift during the window: the server records their notices
 * first, in the same transaction, so an announcement is never stored without its notices.
 */
@Singleton
public class PowerEntries implements EntryHandler {

    /** Short and calm: an announcement fits on a phone's banner. */
    public static final int MAX_TEXT = 280;
    static final int MAX_SERVER_TEXT = 1000;
    static final int AUDIENCE_CHUNK = 50;
    static final String[] ANNOUNCE_ROLES = {"manager", "leadership", "admin"};
    static final String[] PLAN_ROLES = {"supervisor", "manager", "maintenance", "admin"};
    static final List<String> LANGUAGES = List.of("zh-CN", "en", "zh-TW");
    static final Pattern SITE = SiteCode.PATTERN;

    private final AnnouncementRepository announcements;
    private final OutageRepository outages;
    private final ItemRepository items;
    private final Roster roster;
    private final Clock clock;

    public PowerEntries(AnnouncementRepository announcements, OutageRepository outages, ItemRepository items,
                        Roster roster, Clock clock) {
        this.announcements = announcements;
        this.outages = outages;
        this.items = items;
        this.roster = roster;
        this.clock = clock;
    }

    static boolean server(Actor actor) {
        return Actor.SYSTEM.username().equals(actor.username()) && actor.roles().contains("system");
    }

    /** The id of the n-th notice of an announcement. */
    public static UUID noticeOf(UUID announcement, int chunk) {
        return UUID.nameUUIDFromBytes(("power.notice:" + announcement + ":" + chunk).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handles(String kind) {
        return PowerKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case PowerKinds.ANNOUNCEMENT_POSTED -> judgeAnnouncement(entry, actor);
            case PowerKinds.OUTAGE_STARTED -> server(actor) && outage(entry.text("outage")).isPresent()
                    ? Verdict.accept(null) : Verdict.refuse("journal.refused.serverOnly");
            case PowerKinds.OUTAGE_ITEM_DONE -> judgeItem(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeAnnouncement(Entry entry, Actor actor) {
        if (!server(actor) && !actor.hasAny(ANNOUNCE_ROLES)) {
            return Verdict.refuse("power.refused.announceRole");
        }
        Map<String, String> text = texts(entry);
        int max = server(actor) ? MAX_SERVER_TEXT : MAX_TEXT;
        if (text.isEmpty() || text.values().stream().anyMatch(t -> t.length() > max)) {
            return Verdict.refuse("power.refused.text", max);
        }
        String site = entry.text("site");
        if (site != null && !SITE.matcher(site).matches()) {
            return Verdict.refuse("power.refused.site", site);
        }
        Optional<OutageRow> outage = Optional.empty();
        if (entry.text("outage") != null) {
            outage = outage(entry.text("outage"));
            if (outage.isEmpty()) {
                return Verdict.refuse("power.refused.unknownOutage");
            }
        }
        Instant now = clock.instant();
        TreeSet<String> people = new TreeSet<>();
        (site == null ? roster.onShift(now) : roster.onShift(now, site)).forEach(s -> people.add(s.username()));
        outage.ifPresent(o -> roster.between(o.startsAt(), o.endsAt(), o.site()).stream().map(Shift::username).forEach(people::add));
        List<String> audience = people.stream().map(u -> "user:" + u).toList();
        List<Entry> notices = new ArrayList<>();
        for (int i = 0; i * AUDIENCE_CHUNK < audience.size(); i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("audience", audience.subList(i * AUDIENCE_CHUNK, Math.min(audience.size(), (i + 1) * AUDIENCE_CHUNK)));
            payload.put("message", text);
            payload.put("reason", PowerKinds.NOTICE_REASON);
            payload.put("announcement", entry.id().toString());
            notices.add(Entry.of(noticeOf(entry.id(), i), NoticeKinds.NOTICE_REQUESTED, null, entry.recordedAt(), payload));
        }
        return Verdict.acceptAfter(null, notices);
    }

    private Verdict judgeItem(Entry entry, Actor actor) {
        if (!server(actor) && !actor.hasAny(PLAN_ROLES)) {
            return Verdict.refuse("power.refused.planRole");
        }
        Optional<OutageRow> outage = outage(entry.text("outage"));
        if (outage.isEmpty()) {
            return Verdict.refuse("power.refused.unknownOutage");
        }
        if (outage.get().cancelledAt() != null) {
            return Verdict.refuse("power.refused.cancelled");
        }
        UUID item = uuid(entry.text("item"));
        if (item == null || items.findById(item).filter(i -> i.outage().equals(outage.get().id())).isEmpty()) {
            return Verdict.refuse("power.refused.unknownItem");
        }
        return Verdict.accept(null);
    }

    /** The texts of an announcement by language: a plain text in its language (default zh-CN), or one per language. */
    static Map<String, String> texts(Entry entry) {
        return texts(entry.payload().get("text"), entry.text("language"));
    }

    static Map<String, String> texts(@Nullable Object value, @Nullable String language) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (String lang : LANGUAGES) {
                if (map.get(lang) instanceof String s && !s.isBlank()) {
                    out.put(lang, s.strip());
                }
            }
        } else if (value instanceof String s && !s.isBlank()) {
            out.put(language != null && LANGUAGES.contains(language) ? language : "zh-CN", s.strip());
        }
        return out;
    }

    private Optional<OutageRow> outage(@Nullable String id) {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty() : outages.findById(uuid);
    }

    static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void apply(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        switch (e.kind()) {
            case PowerKinds.ANNOUNCEMENT_POSTED -> {
                Map<String, String> text = texts(e.payload().get("text"), e.text("language"));
                announcements.save(new AnnouncementRow(e.id(), e.text("site"), uuid(e.text("outage")), text.get("zh-CN"),
                        text.get("en"), text.get("zh-TW"), e.actor(), e.receivedAt(), e.seq()));
            }
            case PowerKinds.OUTAGE_STARTED -> outages.started(UUID.fromString(e.text("outage")), e.receivedAt());
            case PowerKinds.OUTAGE_ITEM_DONE -> items.done(UUID.fromString(e.text("item")), e.actor(), at, e.seq());
            default -> throw new IllegalArgumentException("Not a power entry: " + e.kind());
        }
    }

    /** The outages and their plans are data the manager entered; only what the entries did is forgotten. */
    @Override
    public void reset() {
        announcements.forget();
        outages.forgetStarts();
        items.forgetDone();
    }
}
