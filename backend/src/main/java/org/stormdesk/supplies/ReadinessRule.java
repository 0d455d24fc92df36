package org.stormdesk.supplies;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How many of a kind a site must keep (S4.2: fans in proportion to the center's size, always): at least
 * {@code atLeast}, and at least one for every {@code perSeats} seats when that is set. A site is ready when no kind
 * falls short; a kind nobody made a rule for is listed but never makes a site unready.
 */
public final class ReadinessRule {

    private ReadinessRule() {
    }

    public static int required(int seats, @Nullable Integer perSeats, int atLeast) {
        int proportional = perSeats == null || perSeats <= 0 ? 0 : (Math.max(0, seats) + perSeats - 1) / perSeats;
        return Math.max(Math.max(0, atLeast), proportional);
    }

    /** A site's readiness from its size, its rules and its counts (by kind). */
    public static Readiness assess(String site, int seats, Map<String, Rule> rules, Map<String, Count> counts) {
        List<Readiness.Item> items = new ArrayList<>();
        boolean ready = true;
        TreeSet<String> kinds = new TreeSet<>(rules.keySet());
        kinds.addAll(counts.keySet());
        for (String kind : kinds) {
            Rule rule = rules.get(kind);
            Count count = counts.get(kind);
            int quantity = count == null ? 0 : count.quantity();
            int required = rule == null ? 0 : required(seats, rule.perSeats(), rule.atLeast());
            int missing = Math.max(0, required - quantity);
            ready &= missing == 0;
            items.add(new Readiness.Item(kind, quantity, required, missing, rule == null ? null : rule.perSeats(),
                    rule == null ? 0 : rule.atLeast(), count == null ? null : count.by(), count == null ? null : count.at(),
                    count == null ? null : count.note()));
        }
        return new Readiness(site, seats, ready, items);
    }

    /** A rule for one kind. */
    public record Rule(@Nullable Integer perSeats, int atLeast) {
    }

    /** The last count of one kind. */
    public record Count(int quantity, @Nullable String by, @Nullable Instant at, @Nullable String note) {
    }
}
