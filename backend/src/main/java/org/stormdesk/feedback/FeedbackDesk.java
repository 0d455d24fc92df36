package org.stormdesk.feedback;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.feedback.db.ContactRepository;
import org.stormdesk.feedback.db.ContactRow;
import org.stormdesk.feedback.db.ProblemRepository;
import org.stormdesk.feedback.db.RuleRepository;
import org.stormdesk.feedback.db.RuleRow;
import org.stormdesk.feedback.internal.Detector;
import org.stormdesk.feedback.internal.FeedbackEntries;
import org.stormdesk.feedback.internal.FeedbackWatch;
import org.stormdesk.feedback.internal.TextKeys;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.people.Role;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Feedback through the API: contacts in (JSON batches and CSV), each judged on its own; the live rise against
 * normal; the suspected problems, confirmed (filed as, or joined to, a website-failure incident with the evidence)
 * or dismissed with a reason; and the routing rules. Answers are journal entries, exactly as a device's would be.
 */
@Singleton
public class FeedbackDesk {

    /** The most contacts one request may carry. */
    public static final int MAX_BATCH = 1000;
    /** How far ahead of the server's clock a contact's time may be (clocks differ a little). */
    public static final Duration FUTURE = Duration.ofMinutes(5);
    static final int LISTED = 300;
    static final Set<String> CHANNELS = Set.of("phone", "chat", "email", "app", "web", "social", "sms", "other");

    private final ContactRepository contacts;
    private final ProblemRepository problems;
    private final RuleRepository rules;
    private final FeedbackWatch watch;
    private final FeedbackEntries entries;
    private final Journal journal;
    private final IncidentDesk incidents;
    private final TransactionOperations<Connection> tx;
    private final Messages messages;
    private final Clock clock;
    private final Duration retention;

    public FeedbackDesk(ContactRepository contacts, ProblemRepository problems, RuleRepository rules, FeedbackWatch watch,
                        FeedbackEntries entries, Journal journal, IncidentDesk incidents,
                        TransactionOperations<Connection> tx, Messages messages, Clock clock,
                        @Value("${stormdesk.feedback.retention:P30D}") Duration retention) {
        this.contacts = contacts;
        this.problems = problems;
        this.rules = rules;
        this.watch = watch;
        this.entries = entries;
        this.journal = journal;
        this.incidents = incidents;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    // ---- intake

    /** Takes a batch of contacts: each bad one is refused alone with its reason, the good ones are stored and watched. */
    public Intake take(List<Intake.Contact> batch, Locale locale) {
        return take(batch, null, locale);
    }

    /** Takes a CSV file ({@code time,channel,reason,product,region,text} and optionally {@code id}; a header line). */
    public Intake importCsv(String csv, Locale locale) {
        List<Intake.Contact> batch = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(new StringReader(text))) {
            if (!parser.getHeaderMap().containsKey("time")) {
                throw ProblemException.invalid("file", "feedback.refused.csvHeader");
            }
            for (CSVRecord r : parser) {
                if (batch.size() >= 50_000) {
                    throw ProblemException.invalid("file", "feedback.refused.batch", 50_000);
                }
                batch.add(new Intake.Contact(get(r, "id"), get(r, "time"), get(r, "channel"), get(r, "reason"),
                        get(r, "product"), get(r, "region"), get(r, "text")));
                lines.add((int) parser.getCurrentLineNumber());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("file", "feedback.refused.csv");
        }
        List<Intake.Item> results = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            int to = Math.min(batch.size(), from + MAX_BATCH);
            Intake part = take(batch.subList(from, to), lines.subList(from, to), locale);
            for (Intake.Item i : part.results()) {
                results.add(new Intake.Item(from + i.index(), i.line(), i.externalId(), i.id(), i.status(), i.field(),
                        i.reason(), i.problem()));
            }
        }
        return summary(results);
    }

    private static @Nullable String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }

    private Intake take(List<Intake.Contact> batch, @Nullable List<Integer> lines, Locale locale) {
        if (batch.size() > MAX_BATCH) {
            throw ProblemException.invalid("contacts", "feedback.refused.batch", MAX_BATCH);
        }
        Instant now = clock.instant();
        Intake.Item[] results = new Intake.Item[batch.size()];
        List<ContactRow> good = new ArrayList<>();
        List<Integer> goodIndex = new ArrayList<>();
        Set<String> external = new HashSet<>();
        for (Intake.Contact c : batch) {
            if (c != null && c.id() != null && !c.id().isBlank()) {
                external.add(c.id().strip());
            }
        }
        Set<String> known = external.isEmpty() ? Set.of() : new HashSet<>(contacts.knownExternalIds(external));
        Set<String> inBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Intake.Contact c = batch.get(i);
            Integer line = lines == null ? null : lines.get(i);
            String ext = c == null || c.id() == null || c.id().isBlank() ? null : c.id().strip();
            String[] refusal = c == null ? new String[]{"contact", "feedback.refused.empty"} : refusal(c, now);
            if (refusal != null) {
                results[i] = new Intake.Item(i, line, ext, null, Intake.REFUSED, refusal[0],
                        messages.get(locale, refusal[1], refusalArgs(refusal[1], refusal[0])), null);
                continue;
            }
            if (ext != null && (known.contains(ext) || !inBatch.add(ext))) {
                results[i] = new Intake.Item(i, line, ext, null, Intake.DUPLICATE, null, null, null);
                continue;
            }
            good.add(new ContactRow(UUID.randomUUID(), ext, instant(c.time()), channel(c.channel()), blank(c.reason()),
                    blank(c.product()), blank(c.region()), blank(c.text()), now, null));
            goodIndex.add(i);
        }
        tx.executeWrite(status -> contacts.saveAll(good));
        // the detector reads them in time order
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < good.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparing(k -> good.get(k).contactAt()));
        List<Detector.Signal> signals = new ArrayList<>(good.size());
        for (int k : order) {
            ContactRow r = good.get(k);
            signals.add(new Detector.Signal(r.id(), r.contactAt(), r.reason(), r.product(), r.text(), false));
        }
        List<FeedbackWatch.Seen> seen = watch.take(signals);
        UUID[] problemOf = new UUID[good.size()];
        Map<UUID, Detector.View> latest = new LinkedHashMap<>();
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        for (int j = 0; j < seen.size(); j++) {
            FeedbackWatch.Seen s = seen.get(j);
            if (s.problem() == null) {
                continue;
            }
            int k = order.get(j);
            problemOf[k] = s.problem().id();
            members.computeIfAbsent(s.problem().id(), x -> new ArrayList<>()).add(good.get(k).id());
            if (s.raised()) {
                PushResult result = journal.recordAsServer(List.of(entries.raised(s.problem(), now))).getFirst();
                if (!result.accepted()) {
                    throw new IllegalStateException("A raised problem was refused: " + result.reason());
                }
            }
            latest.put(s.problem().id(), s.problem());
        }
        for (Map.Entry<UUID, Detector.View> e : latest.entrySet()) {
            tx.executeWrite(status -> {
                if (problems.existsById(e.getKey())) {
                    entries.grew(e.getValue());
                    contacts.joined(e.getKey(), members.get(e.getKey()));
                }
                return null;
            });
        }
        for (int k = 0; k < good.size(); k++) {
            int i = goodIndex.get(k);
            ContactRow r = good.get(k);
            results[i] = new Intake.Item(i, lines == null ? null : lines.get(i), r.externalId(), r.id(), Intake.STORED,
                    null, null, problemOf[k]);
        }
        return summary(List.of(results));
    }

    private static Intake summary(List<Intake.Item> results) {
        int stored = 0;
        int duplicates = 0;
        int refused = 0;
        for (Intake.Item i : results) {
            switch (i.status()) {
                case Intake.STORED -> stored++;
                case Intake.DUPLICATE -> duplicates++;
                default -> refused++;
            }
        }
        return new Intake(stored, duplicates, refused, results);
    }

    /** Why a contact is refused: {field, message key}, or null when it is good. */
    private String[] refusal(Intake.Contact c, Instant now) {
        if (c.time() == null || c.time().isBlank()) {
            return new String[]{"time", "feedback.refused.noTime"};
        }
        Instant at = instant(c.time());
        if (at == null) {
            return new String[]{"time", "feedback.refused.badTime"};
        }
        if (at.isAfter(now.plus(FUTURE))) {
            return new String[]{"time", "feedback.refused.future"};
        }
        if (at.isBefore(now.minus(retention))) {
            return new String[]{"time", "feedback.refused.tooOld"};
        }
        if (c.text() != null && c.text().length() > FeedbackEntries.MAX_TEXT) {
            return new String[]{"text", "feedback.refused.textTooLong"};
        }
        if (blank(c.text()) == null && blank(c.reason()) == null) {
            return new String[]{"text", "feedback.refused.empty"};
        }
        if (c.channel() != null && !c.channel().isBlank() && !CHANNELS.contains(c.channel().strip().toLowerCase(Locale.ROOT))) {
            return new String[]{"channel", "feedback.refused.channel"};
        }
        if (blank(c.reason()) != null && !FeedbackEntries.REASON.matcher(c.reason().strip()).matches()) {
            return new String[]{"reason", "feedback.refused.reason"};
        }
        if (c.product() != null && c.product().strip().length() > FeedbackEntries.MAX_FIELD) {
            return new String[]{"product", "feedback.refused.field"};
        }
        if (c.region() != null && c.region().strip().length() > FeedbackEntries.MAX_FIELD) {
            return new String[]{"region", "feedback.refused.field"};
        }
        if (c.id() != null && c.id().strip().length() > FeedbackEntries.MAX_FIELD) {
            return new String[]{"id", "feedback.refused.field"};
        }
        return null;
    }

    private Object[] refusalArgs(String key, String field) {
        return switch (key) {
            case "feedback.refused.future" -> new Object[]{FUTURE.toMinutes()};
            case "feedback.refused.tooOld" -> new Object[]{retention.toDays()};
            case "feedback.refused.textTooLong" -> new Object[]{FeedbackEntries.MAX_TEXT};
            case "feedback.refused.field" -> new Object[]{field, FeedbackEntries.MAX_FIELD};
            default -> new Object[0];
        };
    }

    static @Nullable Instant instant(@Nullable String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String channel(@Nullable String s) {
        return s == null || s.isBlank() ? "other" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- problems

    public List<Problem> problems(@Nullable String state) {
        return (state == null || state.isBlank() || "all".equals(state) ? problems.newest(LISTED) : problems.newestIn(state, LISTED))
                .stream().map(entries::problem).toList();
    }

    public Problem problem(UUID id) {
        return problems.findById(id).map(entries::problem).orElseThrow(() -> ProblemException.notFound("feedback.refused.unknownProblem"));
    }

    /**
     * The department confirms a suspected problem: it is filed as a website-failure report (opening the incident or
     * joining the open one) with the evidence as its note, and the confirmation is recorded in that incident's log.
     */
    public Problem confirm(Actor actor, UUID id, @Nullable String note, @Nullable UUID clientId, Locale locale) {
        mayAnswer(actor);
        Problem p = problem(id);
        if (!Problem.OPEN.equals(p.state())) {
            throw ProblemException.conflict("feedback.refused.answered");
        }
        IncidentDesk.Filed filed = incidents.report(actor, FeedbackEntries.reportOf(id), "website", null, evidence(p, locale), locale);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("problem", id.toString());
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("label", p.label());
        evidence.put("kind", p.kind());
        evidence.put("contacts", p.contacts());
        evidence.put("flags", p.flags());
        evidence.put("ratio", p.ratio());
        evidence.put("firstSeen", p.firstSeen().toString());
        evidence.put("samples", p.samples().stream().map(s -> s.text() == null ? "" : s.text()).toList());
        payload.put("evidence", evidence);
        record(actor, clientId, FeedbackKinds.PROBLEM_CONFIRMED, filed.report().incidentId(), payload, locale);
        return problem(id);
    }

    /** The department dismisses a suspected problem, with its reason. */
    public Problem dismiss(Actor actor, UUID id, @Nullable String reason, @Nullable UUID clientId, Locale locale) {
        mayAnswer(actor);
        problem(id);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "feedback.refused.dismissReason", FeedbackEntries.MAX_NOTE);
        }
        record(actor, clientId, FeedbackKinds.PROBLEM_DISMISSED, null, Map.of("problem", id.toString(), "note", reason.strip()), locale);
        return problem(id);
    }

    private static void mayAnswer(Actor actor) {
        if (!actor.hasAny(FeedbackEntries.ANSWER_ROLES)) {
            throw ProblemException.forbidden("feedback.refused.role");
        }
    }

    /** The evidence a confirmed problem's report carries, in the confirmer's language. */
    String evidence(Problem p, Locale locale) {
        StringBuilder s = new StringBuilder(messages.get(locale, "feedback.evidence",
                messages.get(locale, "reason".equals(p.kind()) ? "feedback.label.reason" : "feedback.label.phrase", p.label()),
                p.contacts(), p.flags(), String.format(Locale.ROOT, "%.1f", p.ratio()), entries.time(p.firstSeen())));
        for (Problem.Sample sample : p.samples()) {
            String line = "\n- " + (sample.text() == null ? sample.reason() : sample.text());
            if (s.length() + line.length() > 1900) {
                break;
            }
            s.append(line);
        }
        return s.toString();
    }

    private PushResult record(Actor actor, @Nullable UUID clientId, String kind, @Nullable UUID incident,
                              Map<String, Object> payload, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(IncidentDesk.API_DEVICE, actor, Entry.of(id, kind, incident, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    // ---- the live screen

    /**
     * The live rise of reason codes and phrases against normal, the highest first. A phrase an open problem is named
     * by stands for its pieces (页面打不开 rather than 页面, 打不开, 面打不...), and a phrase inside a longer one that
     * rises as much is left out.
     */
    public Live live(int limit) {
        return watch.read(d -> {
            List<Detector.Watched> watched = d.watched();
            List<Live.Key> all = new ArrayList<>();
            for (Detector.Group g : d.open()) {
                Detector.View v = g.view();
                if (!v.label().startsWith(TextKeys.PHRASE)) {
                    continue;
                }
                String phrase = FeedbackEntries.display(v.label());
                Detector.Watched piece = watched.stream().filter(w -> w.key().startsWith(TextKeys.PHRASE)
                        && phrase.contains(FeedbackEntries.display(w.key()))).findFirst().orElse(null);
                if (piece != null) {
                    all.add(key(v.label(), piece.current(), piece.expected(), piece.series()));
                }
            }
            for (Detector.Watched w : watched) {
                all.add(key(w.key(), w.current(), w.expected(), w.series()));
            }
            List<Live.Key> keys = new ArrayList<>();
            for (Live.Key k : all) {
                boolean inside = "phrase".equals(k.kind()) && all.stream().anyMatch(o -> o != k && "phrase".equals(o.kind())
                        && o.label().length() > k.label().length() && o.label().contains(k.label()) && o.ratio() >= 0.7 * k.ratio());
                boolean twice = keys.stream().anyMatch(o -> o.kind().equals(k.kind()) && o.label().equals(k.label()));
                if (!inside && !twice && keys.size() < limit) {
                    keys.add(k);
                }
            }
            keys.sort(Comparator.comparingDouble((Live.Key k) -> -k.ratio()));
            List<Live.Point> volume = d.volume().stream().map(p -> new Live.Point(p.at(), round(p.current()), round(p.expected()))).toList();
            return new Live(d.now() == null ? clock.instant() : d.now(), round(d.currentVolume()), volume, keys, d.seen());
        });
    }

    private static Live.Key key(String key, double current, double expected, List<Detector.Point> series) {
        return new Live.Key(key.startsWith(TextKeys.REASON) ? "reason" : "phrase", FeedbackEntries.display(key), round(current),
                round(expected), round(current / Math.max(expected, 0.5)),
                series.stream().map(p -> new Live.Point(p.at(), round(p.current()), round(p.expected()))).toList());
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    // ---- routing rules

    public List<Rule> rules() {
        return entries.rules();
    }

    /** Adds a routing rule (administrators); the department must be in the contacts directory. */
    public Rule addRule(Actor actor, @Nullable Integer position, @Nullable String matchOn, @Nullable String pattern,
                        @Nullable String department, @Nullable List<String> roles, @Nullable Integer answerMinutes) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (matchOn == null || !Rule.MATCH_ON.contains(matchOn)) {
            errors.add(new ProblemException.Field("matchOn", "feedback.refused.matchOn"));
        }
        if (pattern == null || pattern.isBlank() || pattern.strip().length() > FeedbackEntries.MAX_FIELD) {
            errors.add(new ProblemException.Field("pattern", "feedback.refused.pattern", FeedbackEntries.MAX_FIELD));
        }
        if (department == null || !entries.contactNames().containsKey(department)) {
            errors.add(new ProblemException.Field("department", "feedback.refused.department"));
        }
        List<String> r = roles == null ? List.of() : roles.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (r.stream().anyMatch(s -> Role.parse(s).isEmpty())) {
            errors.add(new ProblemException.Field("roles", "feedback.refused.roles"));
        }
        int minutes = answerMinutes == null ? 30 : answerMinutes;
        if (minutes < 1 || minutes > 24 * 60) {
            errors.add(new ProblemException.Field("answerMinutes", "feedback.refused.answerMinutes"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        int at = position == null ? rules.inOrder().size() + 1 : position;
        RuleRow row = rules.save(new RuleRow(UUID.randomUUID(), at, matchOn, pattern.strip(), department, String.join(",", r),
                minutes, actor.username(), clock.instant()));
        return rules().stream().filter(x -> x.id().equals(row.id())).findFirst().orElseThrow();
    }

    public void deleteRule(UUID id) {
        if (!rules.existsById(id)) {
            throw ProblemException.notFound("feedback.refused.unknownRule");
        }
        rules.deleteById(id);
    }
}
