package org.stormdesk.supplies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.SiteCode;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.supplies.db.RuleRepository;
import org.stormdesk.supplies.db.RuleRow;
import org.stormdesk.supplies.db.SupplySiteRepository;
import org.stormdesk.supplies.db.SupplySiteRow;
import org.stormdesk.supplies.internal.SupplyBook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Emergency supplies through the API: each site's readiness, its size and rules (administrators), and counts (recorded
 * as journal entries, as a device's queued count would be). Whatever makes a ready site unready, a count, a stricter
 * rule or a bigger site, warns the managers and administrators.
 */
@Singleton
public class Supplies {

    private final Journal journal;
    private final SupplyBook book;
    private final SupplySiteRepository sites;
    private final RuleRepository rules;
    private final Clock clock;

    public Supplies(Journal journal, SupplyBook book, SupplySiteRepository sites, RuleRepository rules, Clock clock) {
        this.journal = journal;
        this.book = book;
        this.sites = sites;
        this.rules = rules;
        this.clock = clock;
    }

    /** Every site's readiness. */
    public List<Readiness> readiness() {
        return book.sites().stream().map(book::readiness).toList();
    }

    public Readiness readiness(String site) {
        return book.readiness(site);
    }

    /** Sets a site's size (its seats), which the proportional rules follow. */
    public Readiness setSeats(Actor actor, String site, @Nullable Integer seats) {
        List<ProblemException.Field> errors = new ArrayList<>();
        code(errors, "site", site);
        if (seats == null || seats < 0 || seats > 100_000) {
            errors.add(new ProblemException.Field("seats", "supplies.refused.seats"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Readiness before = book.readiness(site);
        Readiness after = book.readiness(site, Map.of(), null, null, seats);
        SupplySiteRow row = new SupplySiteRow(site, seats, actor.username(), clock.instant());
        if (sites.existsById(site)) {
            sites.update(row);
        } else {
            sites.save(row);
        }
        warnIfUnready(before, after);
        return book.readiness(site);
    }

    /** Sets the rule for a kind at a site: at least {@code atLeast}, and one per {@code perSeats} seats when given. */
    public Readiness setRule(Actor actor, String site, String kind, @Nullable Integer perSeats, @Nullable Integer atLeast) {
        List<ProblemException.Field> errors = new ArrayList<>();
        code(errors, "site", site);
        code(errors, "kind", kind);
        if (perSeats != null && (perSeats < 1 || perSeats > 10_000)) {
            errors.add(new ProblemException.Field("perSeats", "supplies.refused.perSeats"));
        }
        if (atLeast != null && (atLeast < 0 || atLeast > 100_000)) {
            errors.add(new ProblemException.Field("atLeast", "supplies.refused.atLeast"));
        }
        if (perSeats == null && (atLeast == null || atLeast == 0)) {
            errors.add(new ProblemException.Field("perSeats", "supplies.refused.emptyRule"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        int least = atLeast == null ? 0 : atLeast;
        Readiness before = book.readiness(site);
        Readiness after = book.readiness(site, Map.of(), kind, new ReadinessRule.Rule(perSeats, least));
        String id = SupplyBook.id(site, kind);
        RuleRow row = new RuleRow(id, site, kind, perSeats, least, actor.username(), clock.instant());
        if (rules.existsById(id)) {
            rules.update(row);
        } else {
            rules.save(row);
        }
        warnIfUnready(before, after);
        return book.readiness(site);
    }

    public Readiness removeRule(String site, String kind) {
        rules.deleteById(SupplyBook.id(site, kind));
        return book.readiness(site);
    }

    /** Records a count, as a device would; a refusal is a 400 with its reason. */
    public Readiness count(Actor actor, String device, @Nullable UUID clientId, String site, String kind, int quantity,
                           @Nullable String note, Locale locale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("site", site);
        payload.put("kind", kind);
        payload.put("quantity", quantity);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.strip());
        }
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult result = journal.record(device, actor, Entry.of(id, SuppliesKinds.COUNTED, null, clock.instant(), payload), locale);
        if (!result.accepted()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "journal.refused", List.of(), result.reason());
        }
        return book.readiness(site);
    }

    private void warnIfUnready(Readiness before, Readiness after) {
        if (before.ready() && !after.ready()) {
            journal.recordAsServer(List.of(Entry.of(UUID.randomUUID(), NoticeKinds.NOTICE_REQUESTED, null, clock.instant(),
                    book.warning(after))));
        }
    }

    private static void code(List<ProblemException.Field> errors, String field, @Nullable String value) {
        boolean valid = "site".equals(field) ? SiteCode.valid(value) : value != null && SupplyBook.CODE.matcher(value).matches();
        if (!valid) {
            errors.add(new ProblemException.Field(field, "supplies.refused.code"));
        }
    }
}
