package org.stormdesk.feedback;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Which department a suspected problem goes to (S6.2): the first rule, in the administrator's order, that matches
 * it. A product rule matches the product most of its contacts name (or any sample's); a reason rule a reason code
 * of the problem; a phrase rule words found in its label or its samples' text (case and width folded). With no
 * rule matching, the problem goes to the center's managers, who hand it on themselves.
 */
public final class RoutingPolicy {

    /** The facts of a problem a rule is matched against. */
    public record Facts(String label, Set<String> reasons, Set<String> products, List<String> texts) {
    }

    /** Where it goes: a rule (or none), the department's contact id, the whole audience and the time to answer. */
    public record Route(@Nullable UUID rule, @Nullable String department, List<String> audience, int answerMinutes) {
    }

    private RoutingPolicy() {
    }

    public static Route route(List<Rule> rules, Facts facts, int defaultMinutes) {
        for (Rule rule : rules) {
            if (matches(rule, facts)) {
                List<String> audience = new ArrayList<>();
                audience.add("contact:" + rule.department());
                for (String role : rule.roles()) {
                    audience.add("role:" + role);
                }
                if (!rule.roles().contains("manager")) {
                    audience.add("role:manager");
                }
                return new Route(rule.id(), rule.department(), List.copyOf(audience), rule.answerMinutes());
            }
        }
        return new Route(null, null, List.of("role:manager"), defaultMinutes);
    }

    static boolean matches(Rule rule, Facts facts) {
        String pattern = fold(rule.pattern());
        return switch (rule.matchOn()) {
            case "product" -> anyEquals(facts.products(), pattern);
            case "reason" -> anyEquals(facts.reasons(), pattern);
            case "phrase" -> fold(facts.label()).contains(pattern) || facts.texts().stream().anyMatch(t -> fold(t).contains(pattern));
            default -> false;
        };
    }

    private static boolean anyEquals(Collection<String> values, String pattern) {
        return values.stream().anyMatch(v -> fold(v).equals(pattern));
    }

    static String fold(@Nullable String s) {
        return s == null ? "" : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
