package org.stormdesk.supplies.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.supplies.Readiness;
import org.stormdesk.supplies.ReadinessRule;
import org.stormdesk.supplies.SuppliesKinds;
import org.stormdesk.supplies.db.RuleRepository;
import org.stormdesk.supplies.db.RuleRow;
import org.stormdesk.supplies.db.StockRepository;
import org.stormdesk.supplies.db.StockRow;
import org.stormdesk.supplies.db.SupplySiteRepository;
import org.stormdesk.supplies.db.SupplySiteRow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A site's readiness as the tables hold it, with or without a change about to be made; and the warning's words. */
@Singleton
public class SupplyBook {

    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    /** The kinds the app names in words; others are shown by their code. */
    public static final List<String> KNOWN = List.of("fan", "torch", "ups", "first_aid", "megaphone", "vest", "water");

    private final SupplySiteRepository sites;
    private final RuleRepository rules;
    private final StockRepository stock;
    private final Messages messages;

    public SupplyBook(SupplySiteRepository sites, RuleRepository rules, StockRepository stock, Messages messages) {
        this.sites = sites;
        this.rules = rules;
        this.stock = stock;
        this.messages = messages;
    }

    public static String id(String site, String kind) {
        return site + "/" + kind;
    }

    /** Every site with a size, a rule or a count. */
    public List<String> sites() {
        TreeSet<String> all = new TreeSet<>();
        sites.everySite().forEach(s -> all.add(s.code()));
        rules.everyRule().forEach(r -> all.add(r.site()));
        all.addAll(stock.sites());
        return List.copyOf(all);
    }

    public Readiness readiness(String site) {
        return readiness(site, Map.of(), null, null);
    }

    /** The readiness a site would have with some counts changed, a rule changed (null: removed) or another size. */
    public Readiness readiness(String site, Map<String, Integer> countsChanged, String ruleKind, ReadinessRule.Rule rule) {
        return readiness(site, countsChanged, ruleKind, rule, null);
    }

    public Readiness readiness(String site, Map<String, Integer> countsChanged, String ruleKind, ReadinessRule.Rule rule,
                               Integer seatsChanged) {
        int seats = seatsChanged != null ? seatsChanged : sites.findById(site).map(SupplySiteRow::seats).orElse(0);
        Map<String, ReadinessRule.Rule> byKind = new LinkedHashMap<>();
        for (RuleRow r : rules.ofSite(site)) {
            byKind.put(r.kind(), new ReadinessRule.Rule(r.perSeats(), r.atLeast()));
        }
        if (ruleKind != null) {
            if (rule == null) {
                byKind.remove(ruleKind);
            } else {
                byKind.put(ruleKind, rule);
            }
        }
        Map<String, ReadinessRule.Count> counts = new HashMap<>();
        for (StockRow s : stock.ofSite(site)) {
            counts.put(s.kind(), new ReadinessRule.Count(s.quantity(), s.countedBy(), s.countedAt(), s.note()));
        }
        countsChanged.forEach((kind, quantity) -> counts.put(kind, new ReadinessRule.Count(quantity, null, null, null)));
        return ReadinessRule.assess(site, seats, byKind, counts);
    }

    /** The notice to the managers that a site is not ready, saying what is missing. */
    public Map<String, Object> warning(Readiness readiness) {
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            String missing = readiness.missing().stream()
                    .map(i -> messages.get(locale, "supplies.missingItem", i.missing(), kindName(i.kind(), locale), i.quantity(), i.required()))
                    .collect(Collectors.joining(messages.get(locale, "supplies.listSeparator")));
            message.put(tag(locale), messages.get(locale, "supplies.notice.notReady", readiness.site(), missing));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.of("role:manager", "role:admin"));
        payload.put("message", message);
        payload.put("reason", SuppliesKinds.NOTICE_REASON_NOT_READY);
        payload.put("site", readiness.site());
        return payload;
    }

    public String kindName(String kind, Locale locale) {
        return KNOWN.contains(kind) ? messages.get(locale, "supplies.kind." + kind) : kind;
    }

    static String tag(Locale locale) {
        return Messages.EN.getLanguage().equals(locale.getLanguage()) ? "en"
                : Messages.ZH_TW.equals(locale) ? "zh-TW" : "zh-CN";
    }
}
