package org.stormdesk.supplies;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessRuleTest {

    @Test
    void oneFanPerTenSeatsRoundsUpAndNeverGoesBelowTheMinimum() {
        assertThat(ReadinessRule.required(45, 10, 1)).isEqualTo(5);
        assertThat(ReadinessRule.required(40, 10, 1)).isEqualTo(4);
        assertThat(ReadinessRule.required(0, 10, 1)).isEqualTo(1);
        assertThat(ReadinessRule.required(45, null, 3)).isEqualTo(3);
        assertThat(ReadinessRule.required(45, 10, 8)).isEqualTo(8);
    }

    @Test
    void aSiteIsReadyWhenNoKindFallsShortAndKindsWithoutARuleNeverMakeItUnready() {
        Readiness short1 = ReadinessRule.assess("hq", 45, Map.of("fan", new ReadinessRule.Rule(10, 1), "torch", new ReadinessRule.Rule(null, 2)),
                Map.of("fan", new ReadinessRule.Count(3, "lead1", null, null), "torch", new ReadinessRule.Count(2, "lead1", null, null),
                        "water", new ReadinessRule.Count(0, "lead1", null, null)));
        assertThat(short1.ready()).isFalse();
        assertThat(short1.missing()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("fan");
            assertThat(i.required()).isEqualTo(5);
            assertThat(i.missing()).isEqualTo(2);
        });
        assertThat(short1.items()).extracting(Readiness.Item::kind).containsExactly("fan", "torch", "water");

        Readiness uncounted = ReadinessRule.assess("hq", 45, Map.of("ups", new ReadinessRule.Rule(null, 1)), Map.of());
        assertThat(uncounted.ready()).isFalse();
        assertThat(uncounted.missing().getFirst().quantity()).isZero();
        assertThat(ReadinessRule.assess("hq", 45, Map.of(), Map.of()).ready()).isTrue();
    }
}
