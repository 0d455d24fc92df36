package org.stormdesk.capture;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.Messages;
import org.stormdesk.capture.db.PurgeRepository;
import org.stormdesk.capture.internal.CaptureFiles;
import org.stormdesk.capture.internal.CapturePurge;
import org.stormdesk.capture.internal.CaptureSetup;
import org.stormdesk.capture.db.RecordRepository;
import org.stormdesk.capture.db.RecordRow;
import org.stormdesk.capture.db.ViewRepository;
import org.stormdesk.capture.db.ViewRow;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Captured customers as people read them (masked as {@link CapturePolicy} says, each full view audited) and
 * their back-fill into the CRM, recorded as journal entries like everything else.
 */
@Singleton
public class CaptureDesk {

    public static final String API_DEVICE = "api";
    public static final int MAX_LIST = 1000;

    private final RecordRepository records;
    private final ViewRepository views;
    private final Journal journal;
    private final Clock clock;
    private final Messages messages;
    private final CaptureSetup setup;
    private final CapturePurge purge;
    private final PurgeRepository purges;

    public CaptureDesk(RecordRepository records, ViewRepository views, Journal journal, Clock clock, Messages messages,
                       CaptureSetup setup, CapturePurge purge, PurgeRepository purges) {
        this.records = records;
        this.views = views;
        this.journal = journal;
        this.clock = clock;
        this.messages = messages;
        this.setup = setup;
        this.purge = purge;
        this.purges = purges;
    }

    public CaptureSettings settings() {
        return setup.view();
    }

    /** Saves the administrator's settings (checked by the caller); a null secret keeps the one set before. */
    public CaptureSettings saveSettings(Actor actor, @Nullable String webhookUrl, @Nullable String secret, int retentionDays) {
        return setup.save(webhookUrl, secret, retentionDays, actor.username());
    }

    /** Purges the records past the retention period now; answers how many. */
    public int purgeNow(Actor actor) {
        return purge.run(actor.username());
    }

    public List<Purge> purges(int limit) {
        return purges.newest(Math.clamp(limit, 1, 1000)).stream()
                .map(p -> new Purge(p.id(), p.purgedAt(), p.cutoff(), p.purged(), p.purgedBy())).toList();
    }

    /** The records a reader may list, newest first; of one incident and/or in one state when given. */
    public List<CapturedRecord> records(Actor reader, @Nullable UUID incident, @Nullable RecordState state, int limit) {
        if (!CapturePolicy.mayList(reader)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        int size = Math.clamp(limit, 1, MAX_LIST);
        List<RecordRow> rows;
        if (!CapturePolicy.listsAll(reader)) {
            rows = records.newestBy(reader.username(), MAX_LIST);
        } else if (state != null) {
            rows = incident == null ? records.inState(state.wire(), MAX_LIST).reversed()
                    : records.inStateOf(state.wire(), incident, MAX_LIST).reversed();
        } else {
            rows = incident == null ? records.newest(MAX_LIST) : records.newestOf(incident, MAX_LIST);
        }
        return rows.stream()
                .filter(r -> incident == null || incident.equals(r.incidentId()))
                .filter(r -> state == null || state.wire().equals(r.state()))
                .limit(size)
                .map(r -> view(r, !CapturePolicy.seesInFullInList(reader, r.capturedBy())))
                .toList();
    }

    /** The outstanding records, oldest first (the back-fill work queue), masked. */
    public List<CapturedRecord> outstanding(@Nullable UUID incident, int limit) {
        int size = Math.clamp(limit, 1, MAX_LIST);
        List<RecordRow> rows = incident == null ? records.inState(RecordState.CAPTURED.wire(), size)
                : records.inStateOf(RecordState.CAPTURED.wire(), incident, size);
        return rows.stream().map(r -> view(r, true)).toList();
    }

    /** The outstanding records in full, for an export into the CRM; each one's view is audited. */
    public List<CapturedRecord> exportOutstanding(Actor reader, @Nullable UUID incident) {
        if (!reader.hasAny(CapturePolicy.BACKFILLERS)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        List<RecordRow> rows = incident == null ? records.inState(RecordState.CAPTURED.wire(), 100_000)
                : records.inStateOf(RecordState.CAPTURED.wire(), incident, 100_000);
        rows.forEach(r -> audit(reader, r, "export"));
        return rows.stream().map(r -> view(r, false)).toList();
    }

    /** One record in full, for its author, a supervisor, manager or administrator; audited unless the author reads it. */
    public CapturedRecord open(Actor reader, UUID id) {
        RecordRow row = records.findById(id).orElseThrow(() -> ProblemException.notFound("capture.notFound"));
        if (!CapturePolicy.mayOpen(reader, row.capturedBy())) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        audit(reader, row, "record");
        return view(row, false);
    }

    /** A record as the server holds it (no audit, no masking: for other capabilities' own use, never shown as is). */
    public Optional<CapturedRecord> find(UUID id) {
        return records.findById(id).map(r -> view(r, false));
    }

    /** The views of full records, newest first (administrators), or of one record. */
    public List<RecordView> views(@Nullable UUID record, int limit) {
        int size = Math.clamp(limit, 1, 10_000);
        return (record == null ? views.newest(size) : views.ofRecord(record, size)).stream()
                .map(v -> new RecordView(v.recordId(), v.viewer(), v.viewedAt(), v.what())).toList();
    }

    public CaptureCounts counts(@Nullable UUID incident) {
        long captured = count(incident, RecordState.CAPTURED);
        long backfilled = count(incident, RecordState.BACKFILLED);
        long rejected = count(incident, RecordState.REJECTED);
        return new CaptureCounts(incident, captured + backfilled + rejected, backfilled, captured, rejected);
    }

    private long count(@Nullable UUID incident, RecordState state) {
        return incident == null ? records.countByState(state.wire()) : records.countByIncidentIdAndState(incident, state.wire());
    }

    /** Records that a record went into the CRM with this reference. */
    public PushResult backfilled(Actor actor, UUID record, String reference, @Nullable UUID clientId, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recordId", record.toString());
        payload.put("crmReference", reference);
        return stored(journal.record(API_DEVICE, actor, Entry.of(clientId == null ? UUID.randomUUID() : clientId,
                CaptureKinds.BACKFILLED, null, clock.instant(), payload), locale));
    }

    /** Records that a record will not go into the CRM, and why. */
    public PushResult rejected(Actor actor, UUID record, String reason, @Nullable UUID clientId, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recordId", record.toString());
        payload.put("reason", reason);
        return stored(journal.record(API_DEVICE, actor, Entry.of(clientId == null ? UUID.randomUUID() : clientId,
                CaptureKinds.BACKFILL_REJECTED, null, clock.instant(), payload), locale));
    }

    private static PushResult stored(PushResult result) {
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return result;
    }

    /**
     * Records the CRM references (or rejections) of an import file, row by row. Each row's entry id is derived from
     * the row's content, so importing the same file again changes nothing (its rows answer "duplicate").
     */
    public ImportResult importReferences(Actor actor, List<CaptureFiles.ImportLine> lines, Locale locale) {
        if (!reader(actor)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        List<ImportResult.Row> out = new java.util.ArrayList<>();
        List<Entry> entries = new java.util.ArrayList<>();
        List<Integer> rowOfEntry = new java.util.ArrayList<>();
        List<UUID> recordOfEntry = new java.util.ArrayList<>();
        List<Boolean> backfillOfEntry = new java.util.ArrayList<>();
        for (CaptureFiles.ImportLine line : lines) {
            Optional<UUID> record = org.stormdesk.capture.internal.CaptureEntries.uuid(line.cell("record_id"));
            String reference = line.cell("crm_reference");
            String reason = line.cell("reject_reason");
            if (record.isEmpty()) {
                out.add(new ImportResult.Row(line.row(), null, "error", messages.get(locale, "capture.import.recordId")));
                continue;
            }
            if (reference.isEmpty() && reason.isEmpty()) {
                out.add(new ImportResult.Row(line.row(), record.get(), "error", messages.get(locale, "capture.import.nothing")));
                continue;
            }
            boolean backfill = !reference.isEmpty();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("recordId", record.get().toString());
            payload.put(backfill ? "crmReference" : "reason", backfill ? reference : reason);
            payload.put("via", "import");
            UUID id = UUID.nameUUIDFromBytes(("capture.import:" + record.get() + ":" + (backfill ? "ref:" + reference : "reject:" + reason))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            entries.add(Entry.of(id, backfill ? CaptureKinds.BACKFILLED : CaptureKinds.BACKFILL_REJECTED, null, clock.instant(), payload));
            rowOfEntry.add(line.row());
            recordOfEntry.add(record.get());
            backfillOfEntry.add(backfill);
            out.add(null);
        }
        List<PushResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i += Journal.MAX_PUSH) {
            results.addAll(journal.push("import", actor, entries.subList(i, Math.min(entries.size(), i + Journal.MAX_PUSH)), locale));
        }
        int backfilled = 0;
        int rejected = 0;
        int errors = 0;
        int next = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) != null) {
                errors++;
                continue;
            }
            PushResult r = results.get(next);
            String status = switch (r.status()) {
                case PushResult.STORED -> backfillOfEntry.get(next) ? "backfilled" : "rejected";
                case PushResult.DUPLICATE -> "duplicate";
                default -> "error";
            };
            switch (status) {
                case "backfilled" -> backfilled++;
                case "rejected" -> rejected++;
                case "error" -> errors++;
                default -> { }
            }
            out.set(i, new ImportResult.Row(rowOfEntry.get(next), recordOfEntry.get(next), status, r.reason()));
            next++;
        }
        return new ImportResult(out, backfilled, rejected, errors);
    }

    private static boolean reader(Actor actor) {
        return actor.hasAny(CapturePolicy.BACKFILLERS);
    }

    private void audit(Actor reader, RecordRow row, String what) {
        if (!reader.username().equals(row.capturedBy())) {
            views.save(new ViewRow(UUID.randomUUID(), row.id(), reader.username(), clock.instant(), what));
        }
    }

    static CapturedRecord view(RecordRow r, boolean masked) {
        return new CapturedRecord(r.id(), r.incidentId(), r.name(),
                masked ? CaptureRules.mask(r.phone()) : CaptureRules.display(r.phone()), masked,
                masked && r.accountId() != null ? maskAccount(r.accountId()) : r.accountId(), r.matter(), r.category(),
                r.callbackPromised(), r.callbackDueAt(), r.source(), r.paperFormNo(), r.state(), r.capturedBy(),
                r.capturedAt(), r.recordedAt(), r.crmReference(), r.backfilledBy(), r.backfilledAt(), r.rejectReason(),
                r.rejectedBy(), r.rejectedAt(), r.lastSeq());
    }

    private static String maskAccount(String account) {
        return account.length() <= 2 ? "**" : "*".repeat(account.length() - 2) + account.substring(account.length() - 2);
    }
}
