package org.stormdesk.feedback.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.Settings;
import org.stormdesk.feedback.FeedbackKinds;
import org.stormdesk.feedback.Problem;
import org.stormdesk.feedback.RoutingPolicy;
import org.stormdesk.feedback.Rule;
import org.stormdesk.feedback.db.FlagRepository;
import org.stormdesk.feedback.db.FlagRow;
import org.stormdesk.feedback.db.ProblemRepository;
import org.stormdesk.feedback.db.ProblemRow;
import org.stormdesk.feedback.db.RuleRepository;
import org.stormdesk.feedback.db.RuleRow;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.people.Contact;
import org.stormdesk.people.People;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges and applies the feedback entries. A raised problem is stored after the notice that routes it to its
 * department, in the same transaction: a problem is never stored without the department being told. An agent's
 * flag is read by the detector as it is judged, so a flag that raises a problem stores the problem and its notice
 * with it. Confirming and dismissing are for the roles that speak for the department (and the manager above them).
 */
@Singleton
public class FeedbackEntries implements EntryHandler {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_FLAG = 500;
    public static final int MAX_NOTE = 500;
    public static final int MAX_FIELD = 100;
    public static final Pattern REASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    /** Who answers for the department in the app: confirms or dismisses a suspected problem. */
    public static final String[] ANSWER_ROLES = {"supervisor", "manager", "maintenance", "leadership", "admin"};
    static final int SAMPLE_TEXT = 300;

    private final ProblemRepository problems;
    private final FlagRepository flags;
    private final RuleRepository rules;
    private final FeedbackWatch watch;
    private final People people;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    /** Lazily: the incident desk is made with the journal, which is made with its handlers. */
    private final BeanProvider<IncidentDesk> incidents;
    private final int answerMinutes;

    public FeedbackEntries(ProblemRepository problems, FlagRepository flags, RuleRepository rules, FeedbackWatch watch,
                           People people, Messages messages, JsonMapper json, Clock clock, Settings settings,
                           BeanProvider<IncidentDesk> incidents,
                           @Value("${stormdesk.feedback.answer-within:PT30M}") Duration answerWithin) {
        this.problems = problems;
        this.flags = flags;
        this.rules = rules;
        this.watch = watch;
        this.people = people;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = ZoneId.of(settings.timeZone());
        this.incidents = incidents;
        this.answerMinutes = (int) Math.max(1, answerWithin.toMinutes());
    }

    @Override
    public boolean handles(String kind) {
        return FeedbackKinds.ALL.contains(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        boolean system = Actor.SYSTEM.username().equals(actor.username());
        return switch (entry.kind()) {
            case FeedbackKinds.PROBLEM_RAISED -> system ? judgeRaised(entry) : Verdict.refuse("journal.refused.serverOnly");
            case FeedbackKinds.PROBLEM_CONFIRMED, FeedbackKinds.PROBLEM_DISMISSED -> judgeAnswer(entry, actor);
            case FeedbackKinds.FLAG_RAISED -> system ? Verdict.refuse("feedback.refused.role") : judgeFlag(entry, actor);
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeRaised(Entry entry) {
        if (uuid(entry.text("problem")).isEmpty() || entry.text("label") == null) {
            return Verdict.refuse("feedback.refused.unknownProblem");
        }
        return Verdict.acceptAfter(null, List.of(notice(entry)));
    }

    private Verdict judgeAnswer(Entry entry, Actor actor) {
        if (!actor.hasAny(ANSWER_ROLES)) {
            return Verdict.refuse("feedback.refused.role");
        }
        Optional<ProblemRow> row = uuid(entry.text("problem")).flatMap(problems::findById);
        if (row.isEmpty()) {
            return Verdict.refuse("feedback.refused.unknownProblem");
        }
        if (!Problem.OPEN.equals(row.get().state())) {
            return Verdict.refuse("feedback.refused.answered");
        }
        String note = entry.text("note");
        if (FeedbackKinds.PROBLEM_DISMISSED.equals(entry.kind())) {
            if (note == null || note.length() > MAX_NOTE) {
                return Verdict.refuse("feedback.refused.dismissReason", MAX_NOTE);
            }
            return Verdict.accept(null);
        }
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        if (entry.incident() == null || incidents.get().find(entry.incident()).isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        return Verdict.accept(entry.incident());
    }

    private Verdict judgeFlag(Entry entry, Actor actor) {
        String text = entry.text("text");
        if (text == null || text.length() > MAX_FLAG) {
            return Verdict.refuse("feedback.refused.flagText", MAX_FLAG);
        }
        String reason = entry.text("reason");
        if (reason != null && !REASON.matcher(reason).matches()) {
            return Verdict.refuse("feedback.refused.reason");
        }
        String product = entry.text("product");
        if (product != null && product.length() > MAX_FIELD) {
            return Verdict.refuse("feedback.refused.field", "product", MAX_FIELD);
        }
        Instant now = clock.instant();
        FeedbackWatch.Seen seen = watch.take(List.of(new Detector.Signal(entry.id(), now, reason, product, said(text), true))).getFirst();
        if (seen.problem() == null) {
            return Verdict.accept(null);
        }
        watch.flagged(entry.id(), seen);
        if (!seen.raised()) {
            return Verdict.accept(null);
        }
        Entry raised = raised(seen.problem(), now);
        return Verdict.acceptAfter(null, List.of(notice(raised), raised));
    }

    private static final Pattern FLAG_LEAD = Pattern.compile(
            "^\\s*(?:(?:很多|好多|不少|大量|多位|许多|許多)?(?:客户|客戶|用户|用戶|顾客|顧客|来电|來電)(?:都|们|們)?(?:在)?"
                    + "(?:说|說|反映|反馈|反饋|投诉|投訴|表示)(?:了)?"
                    + "|(?:many|lots of|a lot of|several)?\\s*(?:customers|callers|people|users)\\s+(?:are\\s+)?"
                    + "(?:saying|say|reporting|report|complaining(?:\\s+about)?|telling us))\\s*[:：,，]?\\s*",
            Pattern.CASE_INSENSITIVE);

    /** What customers say, without the words every flag starts with ("很多客户说", "many customers are saying"). */
    public static String said(String flag) {
        String rest = FLAG_LEAD.matcher(flag).replaceFirst("");
        return rest.isBlank() ? flag : rest;
    }

    /** The entry that records a problem the detector raised, routed by the rules in force now. */
    public Entry raised(Detector.View v, Instant at) {
        RoutingPolicy.Route route = RoutingPolicy.route(rules(), facts(v), answerMinutes);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("problem", v.id().toString());
        payload.put("label", v.label());
        payload.put("keys", List.copyOf(v.keys()));
        if (v.mostProduct() != null) {
            payload.put("product", v.mostProduct());
        }
        if (v.mostReason() != null) {
            payload.put("reason", v.mostReason());
        }
        payload.put("contacts", v.contacts());
        payload.put("flags", v.flags());
        payload.put("current", round(v.current()));
        payload.put("expected", round(v.expected()));
        payload.put("firstSeen", v.firstSeen().toString());
        payload.put("samples", samples(v).stream().map(FeedbackEntries::sampleMap).toList());
        if (route.rule() != null) {
            payload.put("rule", route.rule().toString());
            payload.put("department", route.department());
            payload.put("departmentName", contactNames().getOrDefault(route.department(), route.department()));
        }
        payload.put("audience", route.audience());
        payload.put("answerDueAt", at.plus(Duration.ofMinutes(route.answerMinutes())).toString());
        return Entry.of(v.id(), FeedbackKinds.PROBLEM_RAISED, null, at, payload);
    }

    static RoutingPolicy.Facts facts(Detector.View v) {
        return new RoutingPolicy.Facts(display(v.label()), v.reasons(), v.products(),
                v.samples().stream().map(Detector.Sample::text).filter(t -> t != null).toList());
    }

    private Entry notice(Entry raised) {
        Map<String, Object> p = raised.payload();
        String label = (String) p.get("label");
        double current = ((Number) p.get("current")).doubleValue();
        double expected = ((Number) p.get("expected")).doubleValue();
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            message.put(tag(locale), messages.get(locale, "feedback.notice.raised", describe(label, locale),
                    p.get("contacts"), p.get("flags"), String.format(Locale.ROOT, "%.1f", current / Math.max(expected, 0.5)),
                    time(Instant.parse((String) p.get("firstSeen"))), time(Instant.parse((String) p.get("answerDueAt"))),
                    sampleText(p)));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", p.get("audience"));
        payload.put("message", message);
        payload.put("reason", FeedbackKinds.NOTICE_REASON_RAISED);
        payload.put("problem", p.get("problem"));
        return Entry.of(noticeOf(UUID.fromString((String) p.get("problem"))), NoticeKinds.NOTICE_REQUESTED, null,
                raised.recordedAt(), payload);
    }

    private static String sampleText(Map<String, Object> p) {
        if (p.get("samples") instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof Map<?, ?> m && m.get("text") != null) {
            return String.valueOf(m.get("text"));
        }
        return "";
    }

    /** The notice that routes a problem, and the one when nobody answered it in time. */
    public static UUID noticeOf(UUID problem) {
        return UUID.nameUUIDFromBytes(("feedback.notice:" + problem).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID escalationOf(UUID problem) {
        return UUID.nameUUIDFromBytes(("feedback.escalation:" + problem).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the website report a confirmation files (so that confirming again files nothing twice). */
    public static UUID reportOf(UUID problem) {
        return UUID.nameUUIDFromBytes(("feedback.report:" + problem).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case FeedbackKinds.PROBLEM_RAISED -> {
                UUID id = UUID.fromString(e.text("problem"));
                if (!problems.existsById(id)) {
                    problems.save(row(e, id));
                }
            }
            case FeedbackKinds.PROBLEM_CONFIRMED, FeedbackKinds.PROBLEM_DISMISSED -> {
                UUID id = UUID.fromString(e.text("problem"));
                problems.findById(id).ifPresent(r -> problems.answered(id,
                        FeedbackKinds.PROBLEM_CONFIRMED.equals(e.kind()) ? Problem.CONFIRMED : Problem.DISMISSED,
                        e.actor(), e.receivedAt(), Math.max(0, Duration.between(r.raisedAt(), e.receivedAt()).toSeconds()),
                        e.incident(), blank(e.text("note")), e.seq()));
            }
            case FeedbackKinds.FLAG_RAISED -> {
                FeedbackWatch.Seen seen = watch.flagProblem(e.id());
                UUID problem = seen == null ? null : seen.problem().id();
                if (!flags.existsById(e.id())) {
                    flags.save(new FlagRow(e.id(), e.text("text").strip(), blank(e.text("reason")), blank(e.text("product")),
                            e.actor(), e.receivedAt(), problem));
                }
                if (seen != null && !seen.raised()) {
                    grew(seen.problem());
                }
            }
            default -> throw new IllegalArgumentException("Not a feedback entry: " + e.kind());
        }
    }

    /** Brings a problem's counts up to what the detector holds now. */
    public void grew(Detector.View v) {
        problems.grew(v.id(), v.contacts(), v.flags(), round(v.current()), round(v.expected()), v.lastSeen(),
                write(samples(v).stream().map(FeedbackEntries::sampleMap).toList()));
    }

    @Override
    public void reset() {
        // problems keep the counts their contacts brought (contacts are not entries); their raising and answers
        // are applied again, idempotently; flags are entries and come back whole
        flags.forget();
    }

    private ProblemRow row(StoredEntry e, UUID id) {
        Map<String, Object> p = e.payload();
        List<String> keys = strings(p.get("keys"));
        List<String> audience = strings(p.get("audience"));
        return new ProblemRow(id, e.text("label"), String.join("\n", keys), blank(e.text("product")), blank(e.text("reason")),
                number(p.get("contacts")).intValue(), number(p.get("flags")).intValue(), number(p.get("current")).doubleValue(),
                number(p.get("expected")).doubleValue(), Instant.parse(e.text("firstSeen")), e.receivedAt(), e.receivedAt(),
                write(p.get("samples") instanceof List<?> l ? l : List.of()), uuid(e.text("rule")).orElse(null),
                blank(e.text("department")), blank(e.text("departmentName")), String.join(",", audience),
                Instant.parse(e.text("answerDueAt")), null, null, Problem.OPEN, null, null, null, null, null, e.seq());
    }

    /** The read model of a row. */
    public Problem problem(ProblemRow r) {
        String kind = r.label().startsWith(TextKeys.REASON) ? "reason" : "phrase";
        return new Problem(r.id(), kind, display(r.label()), r.product(), r.reason(), r.contacts(), r.flags(),
                r.currentLevel(), r.expectedLevel(), round(r.currentLevel() / Math.max(r.expectedLevel(), 0.5)),
                r.firstSeen(), r.raisedAt(), r.lastSeen(), readSamples(r.samples()), r.department(), r.departmentName(),
                Arrays.stream(r.audience().split(",")).filter(s -> !s.isBlank()).toList(), r.answerDueAt(),
                r.escalatedAt(), r.state(), r.answeredBy(), r.answeredAt(), r.verifySeconds(), r.incidentId(), r.note());
    }

    /** A key as people read it: the phrase, or the reason code. */
    public static String display(String key) {
        return key.startsWith(TextKeys.REASON) ? key.substring(TextKeys.REASON.length())
                : key.startsWith(TextKeys.PHRASE) ? key.substring(TextKeys.PHRASE.length()) : key;
    }

    /** A key in a sentence: "reason code PAYMENT" or “无法登录”. */
    public String describe(String key, Locale locale) {
        return messages.get(locale, key.startsWith(TextKeys.REASON) ? "feedback.label.reason" : "feedback.label.phrase",
                display(key));
    }

    public String time(Instant at) {
        return DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone).format(at);
    }

    /** The rules in force, in order, with their departments' names from the contacts directory. */
    public List<Rule> rules() {
        Map<String, String> names = contactNames();
        List<Rule> out = new ArrayList<>();
        for (RuleRow r : rules.inOrder()) {
            out.add(new Rule(r.id(), r.position(), r.matchOn(), r.pattern(), r.department(),
                    names.getOrDefault(r.department(), r.department()),
                    Arrays.stream(r.roles().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    r.answerMinutes(), r.createdBy(), r.createdAt()));
        }
        return out;
    }

    public Map<String, String> contactNames() {
        return people.contacts().stream().collect(Collectors.toMap(Contact::id, c -> c.name() + " (" + c.organization() + ")",
                (a, b) -> a));
    }

    private static List<Problem.Sample> samples(Detector.View v) {
        return v.samples().stream().map(s -> new Problem.Sample(s.id().toString(), s.at(), s.reason(), s.product(),
                s.text() == null ? null : s.text().length() > SAMPLE_TEXT ? s.text().substring(0, SAMPLE_TEXT) : s.text(),
                s.flag())).toList();
    }

    private static Map<String, Object> sampleMap(Problem.Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("at", s.at().toString());
        if (s.reason() != null) {
            m.put("reason", s.reason());
        }
        if (s.product() != null) {
            m.put("product", s.product());
        }
        if (s.text() != null) {
            m.put("text", s.text());
        }
        m.put("flag", s.flag());
        return m;
    }

    private List<Problem.Sample> readSamples(String text) {
        try {
            List<Map<String, Object>> list = json.readValue(text,
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            List<Problem.Sample> out = new ArrayList<>();
            for (Map<String, Object> m : list) {
                {
                    Function<String, String> s = k -> m.get(k) == null ? null : String.valueOf(m.get(k));
                    out.add(new Problem.Sample(s.apply("id"), Instant.parse(s.apply("at")), s.apply("reason"),
                            s.apply("product"), s.apply("text"), Boolean.TRUE.equals(m.get("flag"))));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static Optional<UUID> uuid(@Nullable String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String tag(Locale locale) {
        return Messages.EN.getLanguage().equals(locale.getLanguage()) ? "en"
                : Messages.ZH_TW.equals(locale) ? "zh-TW" : "zh-CN";
    }

    static final Set<String> CHANNELS = Set.of("phone", "chat", "email", "app", "web", "social", "sms", "other");
}
