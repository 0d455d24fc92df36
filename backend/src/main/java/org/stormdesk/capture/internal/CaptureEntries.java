package org.stormdesk.capture.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.capture.CaptureKinds;
import org.stormdesk.capture.CapturePolicy;
import org.stormdesk.capture.CaptureRules;
import org.stormdesk.capture.RecordState;
import org.stormdesk.capture.db.DeliveryRepository;
import org.stormdesk.capture.db.PurgeRepository;
import org.stormdesk.capture.db.PurgeRow;
import org.stormdesk.capture.db.RecordRepository;
import org.stormdesk.capture.db.RecordRow;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges and applies the capture entries, from devices (offline or not) and the API alike. A captured customer
 * is judged by {@link CaptureRules}; a bad one is refused alone with the reason, the rest of its batch is stored.
 * Back-fill entries move a record captured → back-filled or rejected (a rejected one may still be back-filled
 * later; a back-filled one is done). The purge is the server's own entry, so that a rebuild purges again.
 */
@Singleton
public class CaptureEntries implements EntryHandler {

    private final RecordRepository records;
    private final CaptureSetup setup;
    private final DeliveryRepository deliveries;
    private final PurgeRepository purges;
    /** Lazily: the incident desk is made with the journal, which is made with its handlers. */
    private final BeanProvider<IncidentDesk> incidents;

    public CaptureEntries(RecordRepository records, CaptureSetup setup, DeliveryRepository deliveries,
                          PurgeRepository purges, BeanProvider<IncidentDesk> incidents) {
        this.records = records;
        this.setup = setup;
        this.deliveries = deliveries;
        this.purges = purges;
        this.incidents = incidents;
    }

    @Override
    public boolean handles(String kind) {
        return CaptureKinds.ALL.contains(kind);
    }

    /** A captured customer's name and number are pulled from the journal by their author alone (and admins). */
    @Override
    public boolean authorOnly(String kind) {
        return CaptureKinds.CAPTURED.equals(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return switch (entry.kind()) {
            case CaptureKinds.CAPTURED -> judgeCaptured(entry, actor);
            case CaptureKinds.BACKFILLED -> judgeBackfill(entry, actor, true);
            case CaptureKinds.BACKFILL_REJECTED -> judgeBackfill(entry, actor, false);
            case CaptureKinds.PURGED -> Actor.SYSTEM.username().equals(actor.username())
                    ? Verdict.accept(null) : Verdict.refuse("journal.refused.serverOnly");
            default -> Verdict.refuse("journal.refused.unknownKind", entry.kind());
        };
    }

    private Verdict judgeCaptured(Entry entry, Actor actor) {
        if (!CapturePolicy.mayCapture(actor)) {
            return Verdict.refuse("capture.refused.role");
        }
        Optional<CaptureRules.Refusal> refusal = CaptureRules.check(entry.payload(), entry.recordedAt());
        if (refusal.isPresent()) {
            return Verdict.refuse(refusal.get().key(), refusal.get().args());
        }
        String named = entry.text("incidentId");
        UUID incident = entry.incident();
        if (named != null) {
            Optional<UUID> id = uuid(named);
            if (id.isEmpty() || (incident != null && !incident.equals(id.get()))) {
                return Verdict.refuse("incident.refused.unknownIncident");
            }
            incident = id.get();
        }
        if (incident != null && incidents.get().find(incident).isEmpty()) {
            return Verdict.refuse("incident.refused.unknownIncident");
        }
        return Verdict.accept(incident);
    }

    private Verdict judgeBackfill(Entry entry, Actor actor, boolean backfilled) {
        if (!CapturePolicy.mayBackfill(actor)) {
            return Verdict.refuse("capture.refused.backfillRole");
        }
        Optional<RecordRow> row = uuid(entry.text("recordId")).flatMap(records::findById);
        if (row.isEmpty()) {
            return Verdict.refuse("capture.refused.unknownRecord");
        }
        RecordState state = RecordState.parse(row.get().state()).orElse(RecordState.CAPTURED);
        if (state == RecordState.BACKFILLED) {
            return Verdict.refuse("capture.refused.alreadyBackfilled", row.get().crmReference());
        }
        if (backfilled) {
            String reference = entry.text("crmReference");
            if (reference == null || reference.length() > CaptureRules.MAX_REFERENCE) {
                return Verdict.refuse("capture.refused.reference", CaptureRules.MAX_REFERENCE);
            }
        } else {
            if (state == RecordState.REJECTED) {
                return Verdict.refuse("capture.refused.alreadyRejected");
            }
            String reason = entry.text("reason");
            if (reason == null || reason.length() > CaptureRules.MAX_REASON) {
                return Verdict.refuse("capture.refused.reason", CaptureRules.MAX_REASON);
            }
        }
        return Verdict.accept(row.get().incidentId());
    }

    @Override
    public void apply(StoredEntry e) {
        switch (e.kind()) {
            case CaptureKinds.CAPTURED -> {
                records.save(new RecordRow(e.id(), e.incident(), e.text("name").strip(),
                        CaptureRules.normalizePhone(e.text("phone")).orElseThrow(), blank(e.text("accountId")),
                        e.text("matter").strip(), e.text("category").strip(), Boolean.TRUE.equals(e.payload().get("callbackPromised")),
                        blank(e.text("callbackDueAt")) == null ? null : Instant.parse(e.text("callbackDueAt").strip()),
                        e.text("source").strip(), blank(e.text("paperFormNo")), RecordState.CAPTURED.wire(), e.actor(),
                        e.device(), e.receivedAt(), e.recordedAt(), null, null, null, null, null, null, e.seq()));
                // the CRM webhook posts each new record (in this transaction: never a record without its delivery)
                if (setup.webhookOn()) {
                    deliveries.enqueue(e.id(), e.receivedAt());
                }
            }
            case CaptureKinds.BACKFILLED -> uuid(e.text("recordId")).ifPresent(id ->
                    records.backfilled(id, e.text("crmReference").strip(), e.actor(), e.receivedAt(), e.seq()));
            case CaptureKinds.BACKFILL_REJECTED -> uuid(e.text("recordId")).ifPresent(id ->
                    records.rejected(id, e.text("reason").strip(), e.actor(), e.receivedAt(), e.seq()));
            case CaptureKinds.PURGED -> {
                int purged = 0;
                if (e.payload().get("records") instanceof List<?> ids) {
                    for (Object id : ids) {
                        Optional<UUID> record = uuid(String.valueOf(id));
                        if (record.isPresent() && records.existsById(record.get())) {
                            records.deleteById(record.get());
                            purged++;
                        }
                    }
                }
                Instant cutoff = e.text("before") == null ? e.receivedAt() : Instant.parse(e.text("before"));
                purges.save(new PurgeRow(e.id(), e.receivedAt(), cutoff, purged,
                        e.text("by") == null ? e.actor() : e.text("by")));
            }
            default -> throw new IllegalArgumentException("Not a capture entry: " + e.kind());
        }
    }

    @Override
    public void reset() {
        records.forget();
        purges.forget();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static Optional<UUID> uuid(@Nullable String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
