package org.stormdesk.media.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.media.InquiryState;
import org.stormdesk.media.MediaKinds;
import org.stormdesk.media.MediaPolicy;
import org.stormdesk.media.db.InquiryRepository;
import org.stormdesk.media.db.InquiryRow;
import org.stormdesk.media.db.SpokespersonRepository;
import org.stormdesk.media.db.SpokespersonRow;
import org.stormdesk.media.db.StatementRepository;
import org.stormdesk.media.db.StatementRow;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.people.People;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Judges and applies the media entries, from devices (offline or not) and the API alike. A filed inquiry is
 * accepted after a notice to the center's managers that the server records first, in the same transaction: the
 * manager is told at once, and an inquiry is never stored without its notice. Its acknowledgement deadline is a
 * row that {@link MediaSweep} watches.
 */
@Singleton
public class MediaEntries implements EntryHandler {

    public static final int MAX_FIELD = 200;
    public static final int MAX_SUBJECT = 2000;
    public static final int MAX_DEADLINE = 100;
    public static final int MAX_NOTE = 500;
    public static final int MAX_TEXT = 4000;
    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en", "zh-TW");
    public static final Set<String> AUDIENCES = Set.of("internal", "public");

    private final InquiryRepository inquiries;
    private final SpokespersonRepository spokespersons;
    private final StatementRepository statements;
    private final Messages messages;
    private final People people;
    /** Lazily: the incident desk is made with the journal, which is made with its handlers. */
    private final BeanProvider<IncidentDesk> incidents;
    private final Duration ackWithin;

    public MediaEntries(InquiryRepository inquiries, SpokespersonRepository spokespersons, StatementRepository statements,
                        Messages messages, People people, BeanProvider<IncidentDesk> incidents,
                        @Value("${stormdesk.media.ack-within:PT15M}") Duration ackWithin) {
        this.inquiries = inquiries;
        this.spokespersons = spokespersons;
        this.statements = statements;
        this.messages = messages;
        this.people = people;
        this.incidents = incidents;
        this.ackWithin = ackWithin;
    }

    public Duration ackWithin() {
        return ackWithin;
    }

    /** The id of the notice to the managers recorded with an inquiry. */
    public static UUID noticeOf(UUID inquiry) {
        return UUID.nameUUIDFromBytes(("media.notice:" + inquiry).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the notice to leadership when nobody acknowledged an inquiry in time. */
    public static UUID escalationOf(UUID inquiry) {
        return UUID.nameUUIDFromBytes(("media.escalation:" + inquiry).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handles(String kind) {
        return MediaKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        if (Actor.SYSTEM.username().equals(actor.username())) {
            return Verdict.refuse("media.refused.role");
        }
        return switch (entry.kind()) {
            case MediaKinds.INQUIRY_FILED -> judgeFiled(entry, actor);
            case MediaKinds.INQUIRY_ACKNOWLEDGED, MediaKinds.INQUIRY_REFERRED, MediaKinds.INQUIRY_ANSWERED,
                 MediaKinds.INQUIRY_DECLINED -> judgeAction(entry, actor);
            case MediaKinds.SPOKESPERSON_DESIGNATED -> judgeDesignation(entry, actor);
            case MediaKinds.STATEMENT_DRAFTED -> judgeDraft(entry, actor);
            case MediaKinds.STATEMENT_REVIEWED, MediaKinds.STATEMENT_APPROVED -> judgeVerdictOnVersion(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeFiled(Entry entry, Actor actor) {
        if (!Boolean.TRUE.equals(entry.payload().get("reminderShown"))) {
            return Verdict.refuse("media.refused.reminder");
        }
        for (String field : List.of("outlet", "name", "position", "contact")) {
            String value = entry.text(field);
            if (value == null || value.length() > MAX_FIELD) {
                return Verdict.refuse("media.refused.details", MAX_FIELD, MAX_SUBJECT);
            }
        }
        String subject = entry.text("subject");
        if (subject == null || subject.length() > MAX_SUBJECT) {
            return Verdict.refuse("media.refused.details", MAX_FIELD, MAX_SUBJECT);
        }
        String deadline = entry.text("deadline");
        if (deadline != null && deadline.length() > MAX_DEADLINE) {
            return Verdict.refuse("media.refused.deadline", MAX_DEADLINE);
        }
        String language = entry.text("language");
        if (language != null && !LANGUAGES.contains(language)) {
            return Verdict.refuse("media.refused.language");
        }
        Optional<UUID> incident = incidentOf(entry);
        if (incident == null) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        Entry notice = Entry.of(noticeOf(entry.id()), NoticeKinds.NOTICE_REQUESTED, incident.orElse(null),
                entry.recordedAt(), notice(entry, actor));
        return Verdict.acceptAfter(incident.orElse(null), List.of(notice));
    }

    private Map<String, Object> notice(Entry entry, Actor actor) {
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            String deadline = entry.text("deadline") == null ? messages.get(locale, "media.noDeadline") : entry.text("deadline");
            message.put(tag(locale), messages.get(locale, "media.notice.filed", actor.username(), entry.text("outlet"),
                    entry.text("name"), entry.text("position"), entry.text("subject"), deadline, entry.text("contact")));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.of("role:manager"));
        payload.put("message", message);
        payload.put("reason", MediaKinds.NOTICE_REASON_FILED);
        payload.put("inquiry", entry.id().toString());
        return payload;
    }

    private Verdict judgeAction(Entry entry, Actor actor) {
        if (!MediaPolicy.mayHandle(actor)) {
            return Verdict.refuse("media.refused.role");
        }
        Optional<InquiryRow> row = uuid(entry.text("inquiry")).flatMap(inquiries::findById);
        if (row.isEmpty()) {
            return Verdict.refuse("media.refused.unknownInquiry");
        }
        if (entry.incident() != null && !entry.incident().equals(row.get().incidentId())) {
            return Verdict.refuse("media.refused.unknownInquiry");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        InquiryState state = InquiryState.parse(row.get().state()).orElse(InquiryState.NEW);
        if (MediaPolicy.next(state, entry.kind()).isEmpty()) {
            return Verdict.refuse("media.refused.state");
        }
        return Verdict.accept(row.get().incidentId());
    }

    private Verdict judgeDesignation(Entry entry, Actor actor) {
        if (!MediaPolicy.mayLead(actor)) {
            return Verdict.refuse("media.refused.leadershipOnly");
        }
        Optional<UUID> incident = incidentOf(entry);
        if (incident == null || incident.isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        String username = entry.text("username");
        if (username == null || people.find(username).isEmpty()) {
            return Verdict.refuse("media.refused.unknownPerson", username == null ? "" : username);
        }
        if (spokespersons.current(incident.get()).filter(s -> s.username().equals(username)).isPresent()) {
            return Verdict.refuse("media.refused.alreadySpokesperson", username);
        }
        return Verdict.accept(incident.get());
    }

    private Verdict judgeDraft(Entry entry, Actor actor) {
        if (!MediaPolicy.mayDraft(actor)) {
            return Verdict.refuse("media.refused.role");
        }
        if (uuid(entry.text("statement")).isEmpty()) {
            return Verdict.refuse("media.refused.unknownStatement");
        }
        if (!AUDIENCES.contains(String.valueOf(entry.text("audience")))) {
            return Verdict.refuse("media.refused.audience");
        }
        Map<String, String> text = texts(entry.payload().get("text"));
        if (text.isEmpty() || text.values().stream().anyMatch(t -> t.length() > MAX_TEXT)) {
            return Verdict.refuse("media.refused.text", MAX_TEXT);
        }
        Optional<UUID> incident = incidentOf(entry);
        if (incident == null) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        return Verdict.accept(incident.orElse(null));
    }

    private Verdict judgeVerdictOnVersion(Entry entry, Actor actor) {
        if (!MediaPolicy.mayLead(actor)) {
            return Verdict.refuse("media.refused.leadershipOnly");
        }
        Optional<UUID> statement = uuid(entry.text("statement"));
        Object v = entry.payload().get("version");
        if (statement.isEmpty() || !(v instanceof Number n)) {
            return Verdict.refuse("media.refused.unknownStatement");
        }
        Optional<StatementRow> row = statements.version(statement.get(), n.intValue());
        if (row.isEmpty()) {
            return Verdict.refuse("media.refused.unknownStatement");
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        if (MediaKinds.STATEMENT_APPROVED.equals(entry.kind()) && row.get().approvedAt() != null) {
            return Verdict.refuse("media.refused.alreadyApproved");
        }
        return Verdict.accept(row.get().incidentId());
    }

    /** The incident an entry names (on the entry or in its payload): empty when none, null when it does not exist. */
    private @Nullable Optional<UUID> incidentOf(Entry entry) {
        UUID incident = entry.incident();
        if (incident == null && entry.text("incident") != null) {
            Optional<UUID> named = uuid(entry.text("incident"));
            if (named.isEmpty()) {
                return null;
            }
            incident = named.get();
        }
        if (incident == null) {
            return Optional.empty();
        }
        return incidents.get().find(incident).isPresent() ? Optional.of(incident) : null;
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case MediaKinds.INQUIRY_FILED -> inquiries.save(new InquiryRow(e.id(), e.incident(), e.text("outlet").strip(),
                    e.text("name").strip(), e.text("position").strip(), e.text("subject").strip(),
                    e.text("contact").strip(), blank(e.text("deadline")), blank(e.text("language")), true,
                    InquiryState.NEW.wire(), e.actor(), e.receivedAt(), e.recordedAt(), e.receivedAt().plus(ackWithin),
                    null, null, null, null, null, null, null, null, null, null, e.seq()));
            case MediaKinds.INQUIRY_ACKNOWLEDGED -> inquiries.acknowledged(inquiry(e), e.actor(), e.receivedAt(),
                    blank(e.text("note")), e.seq());
            case MediaKinds.INQUIRY_REFERRED -> {
                UUID id = inquiry(e);
                String to = inquiries.findById(id).map(InquiryRow::incidentId).flatMap(spokespersons::current)
                        .map(SpokespersonRow::username).orElse(null);
                inquiries.referred(id, to, e.actor(), e.receivedAt(), blank(e.text("note")), e.seq());
            }
            case MediaKinds.INQUIRY_ANSWERED -> inquiries.closed(inquiry(e), InquiryState.ANSWERED.wire(), e.actor(),
                    e.receivedAt(), blank(e.text("note")), e.seq());
            case MediaKinds.INQUIRY_DECLINED -> inquiries.closed(inquiry(e), InquiryState.DECLINED.wire(), e.actor(),
                    e.receivedAt(), blank(e.text("note")), e.seq());
            case MediaKinds.SPOKESPERSON_DESIGNATED -> spokespersons.save(new SpokespersonRow(e.id(), e.incident(),
                    e.text("username"), spokespersons.current(e.incident()).map(SpokespersonRow::username).orElse(null),
                    e.actor(), e.receivedAt(), e.seq()));
            case MediaKinds.STATEMENT_DRAFTED -> {
                UUID statement = UUID.fromString(e.text("statement"));
                int version = statements.versions(statement).stream().mapToInt(StatementRow::version).max().orElse(0) + 1;
                Map<String, String> text = texts(e.payload().get("text"));
                statements.save(new StatementRow(e.id(), statement, version, e.incident(), e.text("audience"),
                        text.get("zh-CN"), text.get("en"), text.get("zh-TW"), e.actor(), e.receivedAt(),
                        null, null, null, null, null));
            }
            case MediaKinds.STATEMENT_REVIEWED -> statements.reviewed(UUID.fromString(e.text("statement")),
                    ((Number) e.payload().get("version")).intValue(), e.actor(), e.receivedAt(), blank(e.text("note")));
            case MediaKinds.STATEMENT_APPROVED -> statements.approved(UUID.fromString(e.text("statement")),
                    ((Number) e.payload().get("version")).intValue(), e.actor(), e.receivedAt());
            default -> throw new IllegalArgumentException("Not a media entry: " + e.kind());
        }
    }

    @Override
    public void reset() {
        inquiries.forget();
        spokespersons.forget();
        statements.forget();
    }

    private static UUID inquiry(StoredEntry e) {
        return UUID.fromString(e.text("inquiry"));
    }

    /** A statement's text by language, the blank ones left out. */
    public static Map<String, String> texts(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (String language : List.of("zh-CN", "en", "zh-TW")) {
                if (map.get(language) instanceof String s && !s.isBlank()) {
                    out.put(language, s.strip());
                }
            }
        }
        return out;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Optional<UUID> uuid(@Nullable String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The language tag of one of the three locales. */
    public static String tag(Locale locale) {
        return Messages.EN.getLanguage().equals(locale.getLanguage()) ? "en"
                : Messages.ZH_TW.equals(locale) ? "zh-TW" : "zh-CN";
    }
}
