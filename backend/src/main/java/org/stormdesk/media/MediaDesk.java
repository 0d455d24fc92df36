package org.stormdesk.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.media.db.InquiryRepository;
import org.stormdesk.media.db.SpokespersonRepository;
import org.stormdesk.media.db.SpokespersonRow;
import org.stormdesk.media.db.StatementRepository;
import org.stormdesk.media.db.StatementRow;
import org.stormdesk.media.internal.MediaEntries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The media through the API: the register of inquiries and its export, the actions on an inquiry, the spokesperson
 * of each incident, statements and their versions, and the holding lines agents read out. Every change is recorded
 * as a journal entry, exactly as a device's queued entry would be; reading is by role (drafts never reach agents).
 */
@Singleton
public class MediaDesk {

    static final int REGISTER = 500;

    private final Journal journal;
    private final InquiryRepository inquiries;
    private final SpokespersonRepository spokespersons;
    private final StatementRepository statements;
    private final Messages messages;
    private final Clock clock;

    public MediaDesk(Journal journal, InquiryRepository inquiries, SpokespersonRepository spokespersons,
                     StatementRepository statements, Messages messages, Clock clock) {
        this.journal = journal;
        this.inquiries = inquiries;
        this.spokespersons = spokespersons;
        this.statements = statements;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether an inquiry with this id is in the register. */
    public boolean exists(UUID id) {
        return inquiries.existsById(id);
    }

    /** The media register, newest first. */
    public List<Inquiry> register() {
        return inquiries.newest(REGISTER).stream().map(Inquiry::of).toList();
    }

    public Inquiry inquiry(UUID id) {
        return inquiries.findById(id).map(Inquiry::of).orElseThrow(() -> ProblemException.notFound("media.refused.unknownInquiry"));
    }

    /** The register as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the Chinese right). */
    public String csv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("id,filedAt,filedBy,outlet,name,position,subject,contact,deadline,language,reminderShown,state,"
                + "incident,acknowledgedBy,acknowledgedAt,referredTo,referredBy,referredAt,closedBy,closedAt,escalatedAt,note\r\n");
        for (Inquiry i : register()) {
            List<Object> cells = new ArrayList<>(List.of(i.id(), i.filedAt(), i.filedBy(), i.outlet(), i.name(), i.position(),
                    i.subject(), i.contact()));
            cells.add(i.deadline());
            cells.add(i.language());
            cells.add(i.reminderShown());
            cells.add(i.state());
            cells.add(i.incident());
            cells.add(i.acknowledgedBy());
            cells.add(i.acknowledgedAt());
            cells.add(i.referredTo());
            cells.add(i.referredBy());
            cells.add(i.referredAt());
            cells.add(i.closedBy());
            cells.add(i.closedAt());
            cells.add(i.escalatedAt());
            cells.add(i.note());
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(c)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a cell a spreadsheet would take for a formula is kept as text
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Files an inquiry as any staff member would from the panel; the same {@code clientId} again changes nothing. */
    public Inquiry file(Actor actor, UUID clientId, Map<String, Object> payload, @Nullable UUID incident, Locale locale) {
        PushResult result = record(actor, clientId, MediaKinds.INQUIRY_FILED, incident, payload, locale);
        return inquiry(result.id());
    }

    /** Acknowledges, refers, answers or declines an inquiry (the manager or leadership). */
    public Inquiry act(Actor actor, UUID inquiry, String kind, @Nullable String note, @Nullable UUID clientId, Locale locale) {
        if (!MediaPolicy.mayHandle(actor)) {
            throw ProblemException.forbidden("media.refused.role");
        }
        Inquiry current = inquiry(inquiry);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inquiry", inquiry.toString());
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        PushResult result = record(actor, clientId, kind, current.incident(), payload, locale);
        return PushResult.STORED.equals(result.status()) || PushResult.DUPLICATE.equals(result.status()) ? inquiry(inquiry) : current;
    }

    /** Every designation, newest first; {@code current} marks the one in force for its incident. */
    public List<Designation> designations() {
        Set<UUID> seen = new HashSet<>();
        List<Designation> out = new ArrayList<>();
        for (SpokespersonRow r : spokespersons.newest(REGISTER)) {
            out.add(new Designation(r.id(), r.incidentId(), r.username(), r.previous(), r.designatedBy(), r.designatedAt(),
                    seen.add(r.incidentId())));
        }
        return out;
    }

    /** Leadership designates the spokesperson of an incident. */
    public Designation designate(Actor actor, UUID incident, String username, @Nullable UUID clientId, Locale locale) {
        if (!MediaPolicy.mayLead(actor)) {
            throw ProblemException.forbidden("media.refused.leadershipOnly");
        }
        PushResult result = record(actor, clientId, MediaKinds.SPOKESPERSON_DESIGNATED, incident,
                Map.of("username", username), locale);
        return designations().stream().filter(d -> d.id().equals(result.id())).findFirst().orElseThrow();
    }

    /** Every statement with its versions, newest first. */
    public List<Statement> statements() {
        Map<UUID, List<StatementRow>> byStatement = new LinkedHashMap<>();
        for (StatementRow row : statements.everyVersion()) {
            byStatement.computeIfAbsent(row.statementId(), k -> new ArrayList<>()).add(row);
        }
        List<Statement> out = new ArrayList<>();
        for (List<StatementRow> rows : byStatement.values()) {
            rows.sort((a, b) -> Integer.compare(b.version(), a.version()));
            out.add(statement(rows));
        }
        return out;
    }

    public Statement statement(UUID id) {
        List<StatementRow> rows = statements.versions(id);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("media.refused.unknownStatement");
        }
        return statement(rows);
    }

    private static Statement statement(List<StatementRow> newestFirst) {
        StatementRow newest = newestFirst.getFirst();
        Integer approved = newestFirst.stream().filter(r -> r.approvedAt() != null).map(StatementRow::version).findFirst().orElse(null);
        List<Statement.Version> versions = newestFirst.stream().map(r -> new Statement.Version(r.version(), r.audience(),
                text(r), state(r), r.draftedBy(), r.draftedAt(), r.reviewedBy(), r.reviewedAt(), r.reviewNote(),
                r.approvedBy(), r.approvedAt())).toList();
        return new Statement(newest.statementId(), newest.incidentId(), newest.audience(), state(newest), approved, versions);
    }

    private static String state(StatementRow r) {
        return r.approvedAt() != null ? "approved" : r.reviewedAt() != null ? "reviewed" : "draft";
    }

    private static Map<String, String> text(StatementRow r) {
        Map<String, String> text = new LinkedHashMap<>();
        if (r.textZhCn() != null) {
            text.put("zh-CN", r.textZhCn());
        }
        if (r.textEn() != null) {
            text.put("en", r.textEn());
        }
        if (r.textZhTw() != null) {
            text.put("zh-TW", r.textZhTw());
        }
        return text;
    }

    /** Drafts a statement, or its next version when {@code statement} names one that exists. */
    public Statement draft(Actor actor, @Nullable UUID statement, @Nullable UUID incident, String audience,
                           Map<String, String> text, @Nullable UUID clientId, Locale locale) {
        if (!MediaPolicy.mayDraft(actor)) {
            throw ProblemException.forbidden("media.refused.role");
        }
        UUID id = statement == null ? UUID.randomUUID() : statement;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("statement", id.toString());
        payload.put("audience", audience);
        payload.put("text", text);
        record(actor, clientId, MediaKinds.STATEMENT_DRAFTED, incident, payload, locale);
        return statement(id);
    }

    /** Leadership reviews or approves one version of a statement. */
    public Statement decide(Actor actor, UUID statement, int version, boolean approve, @Nullable String note,
                            @Nullable UUID clientId, Locale locale) {
        if (!MediaPolicy.mayLead(actor)) {
            throw ProblemException.forbidden("media.refused.leadershipOnly");
        }
        statements.version(statement, version).orElseThrow(() -> ProblemException.notFound("media.refused.unknownStatement"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("statement", statement.toString());
        payload.put("version", version);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        record(actor, clientId, approve ? MediaKinds.STATEMENT_APPROVED : MediaKinds.STATEMENT_REVIEWED,
                null, payload, locale);
        return statement(statement);
    }

    /**
     * What agents read out: the holding reply and the reminder in the caller's language, and the newest approved
     * version of each public statement (a statement never approved is never here).
     */
    public HoldingLines holdingLines(Locale locale) {
        String lang = MediaEntries.tag(locale);
        Set<UUID> seen = new HashSet<>();
        List<HoldingLines.Line> lines = new ArrayList<>();
        for (StatementRow r : statements.approvedPublic()) {
            if (r.approvedAt() == null || !seen.add(r.statementId())) {
                continue;
            }
            Map<String, String> text = text(r);
            String said = text.getOrDefault(lang, text.values().stream().findFirst().orElse(""));
            lines.add(new HoldingLines.Line(r.statementId(), r.version(), r.incidentId(), said, r.approvedAt()));
        }
        return new HoldingLines(lang, messages.get(locale, "media.holding.reply"), messages.get(locale, "media.holding.reminder"),
                lines);
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
}
