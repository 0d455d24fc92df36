package org.stormdesk.callback;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who takes a new callback: balanced by open load, respecting due times. */
class CallbackAssignmentTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    static CallbackAssignment.Candidate agent(String name, int shiftHoursLeft) {
        return new CallbackAssignment.Candidate(name, NOW.plusSeconds(shiftHoursLeft * 3600L));
    }

    static Optional<String> choose(List<CallbackAssignment.Candidate> candidates, Map<String, List<Instant>> open, Instant due) {
        return CallbackAssignment.choose(candidates, CallbackAssignment.loads(open, due), due);
    }

    @Test
    void theAgentWithTheFewestOpenCallbacksTakesIt() {
        Map<String, List<Instant>> open = Map.of("a", List.of(NOW.plusSeconds(60), NOW.plusSeconds(120)), "b", List.of(NOW.plusSeconds(60)));
        assertThat(choose(List.of(agent("a", 8), agent("b", 8), agent("c", 8)), open, NOW.plusSeconds(3600))).contains("c");
        assertThat(choose(List.of(agent("a", 8), agent("b", 8)), open, NOW.plusSeconds(3600))).contains("b");
    }

    @Test
    void someoneStillOnShiftWhenItFallsDueGoesFirst() {
        // b has less work, but leaves in one hour; the callback is due in three
        Map<String, List<Instant>> open = Map.of("a", List.of(NOW.plusSeconds(600)));
        assertThat(choose(List.of(agent("a", 8), agent("b", 1)), open, NOW.plusSeconds(3 * 3600))).contains("a");
    }

    @Test
    void onlyTheCallsDueBeforeThisOneCompeteForItsTime() {
        // a has two callbacks due tomorrow, b one due in ten minutes: for a callback due in thirty minutes, a is freer
        Map<String, List<Instant>> open = Map.of("a", List.of(NOW.plusSeconds(86_400), NOW.plusSeconds(90_000)),
                "b", List.of(NOW.plusSeconds(600)));
        assertThat(choose(List.of(agent("a", 8), agent("b", 8)), open, NOW.plusSeconds(1800))).contains("a");
    }

    @Test
    void nobodyOnShiftLeavesItUnassignedAndTiesGoByName() {
        assertThat(choose(List.of(), Map.of(), NOW)).isEmpty();
        assertThat(choose(List.of(agent("b", 8), agent("a", 8)), Map.of(), NOW.plusSeconds(60))).contains("a");
    }
}
