package org.stormdesk.supplies.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.SiteCode;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.supplies.Readiness;
import org.stormdesk.supplies.SuppliesKinds;
import org.stormdesk.supplies.db.StockRepository;
import org.stormdesk.supplies.db.StockRow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Judges and applies supplies counts, from devices (offline or not) and the API alike. A count that makes a ready site
 * unready is accepted after a notice to the managers the server records first, in the same transaction.
 */
@Singleton
public class SuppliesEntries implements EntryHandler {

    public static final String[] COUNT_ROLES = {"supervisor", "manager", "maintenance", "admin"};
    public static final int MAX_QUANTITY = 100_000;
    public static final int MAX_NOTE = 500;

    private final StockRepository stock;
    private final SupplyBook book;

    public SuppliesEntries(StockRepository stock, SupplyBook book) {
        this.stock = stock;
        this.book = book;
    }

    /** The id of the warning recorded with the entry that made a site unready. */
    public static UUID warningOf(UUID entry) {
        return UUID.nameUUIDFromBytes(("supplies.warning:" + entry).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handles(String kind) {
        return SuppliesKinds.COUNTED.equals(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        if (!actor.hasAny(COUNT_ROLES) && !Actor.SYSTEM.equals(actor)) {
            return Verdict.refuse("supplies.refused.role");
        }
        String site = entry.text("site");
        String kind = entry.text("kind");
        if (!SiteCode.valid(site) || kind == null || !SupplyBook.CODE.matcher(kind).matches()) {
            return Verdict.refuse("supplies.refused.code");
        }
        if (!(entry.payload().get("quantity") instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())
                || n.intValue() < 0 || n.intValue() > MAX_QUANTITY) {
            return Verdict.refuse("supplies.refused.quantity", MAX_QUANTITY);
        }
        String note = entry.text("note");
        if (note != null && note.length() > MAX_NOTE) {
            return Verdict.refuse("incident.refused.noteTooLong", MAX_NOTE);
        }
        if (entry.incident() != null) {
            return Verdict.refuse("supplies.refused.incident");
        }
        Readiness before = book.readiness(site);
        Readiness after = book.readiness(site, Map.of(kind, n.intValue()), null, null);
        if (before.ready() && !after.ready()) {
            return Verdict.acceptAfter(null, List.of(Entry.of(warningOf(entry.id()), NoticeKinds.NOTICE_REQUESTED, null,
                    entry.recordedAt(), book.warning(after))));
        }
        return Verdict.accept(null);
    }

    @Override
    public void apply(StoredEntry e) {
        Instant at = e.recordedAt().isAfter(e.receivedAt()) ? e.receivedAt() : e.recordedAt();
        String id = SupplyBook.id(e.text("site"), e.text("kind"));
        String note = e.text("note") == null || e.text("note").isBlank() ? null : e.text("note").strip();
        StockRow row = new StockRow(id, e.text("site"), e.text("kind"), ((Number) e.payload().get("quantity")).intValue(),
                e.actor(), at, note, e.seq());
        if (stock.existsById(id)) {
            stock.update(row);
        } else {
            stock.save(row);
        }
    }

    @Override
    public void reset() {
        stock.forget();
    }
}
