package org.stormdesk.procedure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One incident kind's playbook, as data (docs/playbooks.md): the checklist of steps, each owned by a role and
 * tied to its clause; the timers that escalate, level after level; and the call tree worked when the incident
 * opens. Texts are in all three languages ({@code zh-CN}, {@code en}, {@code zh-TW}); durations are ISO-8601.
 *
 * @param callTree whom to call, in order, when the incident opens: {@code contact:ID}, {@code role:ROLE} or {@code user:NAME}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Playbook(String kind, int version, List<Step> steps, List<Timer> timers, List<String> callTree) {

    /** The three languages every text is written in. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en", "zh-TW");

    public Playbook {
        steps = List.copyOf(steps);
        timers = List.copyOf(timers);
        callTree = List.copyOf(callTree);
    }

    public Playbook withVersion(int v) {
        return new Playbook(kind, v, steps, timers, callTree);
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Timer> timer(String id) {
        return timers.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * Every party a call may be marked for on an incident of this playbook: the call tree, then the
     * parties of the steps that are calls.
     */
    public List<String> callTargets() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(callTree);
        for (Step s : steps) {
            if (s.call() != null) {
                all.addAll(s.call().values());
            }
        }
        return List.copyOf(all);
    }

    /** A text in a language tag, Simplified Chinese when that language is missing. */
    public static String in(Map<String, String> text, String lang) {
        String t = text.get(lang);
        return t != null ? t : text.getOrDefault("zh-CN", "");
    }

    /**
     * One step of the checklist.
     *
     * @param within how long after the incident's start it is due (ISO-8601), or null when it has no deadline
     * @param call   for a step that is a call: the party to call for each fault type ({@code crm: contact:vendor-crm})
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String id, String clause, String role, @Nullable String within, Map<String, String> text,
                       @Nullable Map<String, String> call) {

        public Optional<Duration> withinDuration() {
            return Optional.ofNullable(within).map(Duration::parse);
        }
    }

    /**
     * A timer: due {@code after} the incident's start, unnecessary once the incident is {@code unless}
     * (resolved or acknowledged), and a chain of levels: each level notifies its audience and, when it asks
     * for an acknowledgement that does not come within {@code ackWithin}, hands over to the next level.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timer(String id, String clause, String after, @Nullable String unless, List<Level> levels) {

        public Timer {
            levels = List.copyOf(levels);
        }

        public Duration afterDuration() {
            return Duration.parse(after);
        }

        public Optional<Level> level(int n) {
            return n >= 1 && n <= levels.size() ? Optional.of(levels.get(n - 1)) : Optional.empty();
        }
    }

    /**
     * One level of a timer's chain.
     *
     * @param audience  whom it notifies ({@code notify:} in the YAML): {@code role:ROLE}, {@code user:NAME} or {@code contact:ID}
     * @param ackWithin how long the audience has to acknowledge before the next level fires; null: none asked
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(int level, @JsonProperty("notify") List<String> audience, @Nullable String ackWithin,
                        Map<String, String> message) {

        public Level {
            audience = List.copyOf(audience);
        }

        public Optional<Duration> ackWithinDuration() {
            return Optional.ofNullable(ackWithin).map(Duration::parse);
        }
    }
}
