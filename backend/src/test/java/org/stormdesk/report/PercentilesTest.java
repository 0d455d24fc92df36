package org.stormdesk.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nearest rank: the p-th percentile of n sorted values is the value at rank ⌈p/100 × n⌉. */
class PercentilesTest {

    @Test
    void theMedianAndThe90thPercentileAreObservedValuesAtTheirNearestRank() {
        // n = 5: the median is at rank ⌈2.5⌉ = 3, the 90th percentile at rank ⌈4.5⌉ = 5
        assertThat(Percentiles.median(List.of(10L, 1L, 7L, 3L, 5L))).isEqualTo(5L);
        assertThat(Percentiles.of(List.of(10L, 1L, 7L, 3L, 5L), 90)).isEqualTo(10L);
        // n = 4: the median is at rank 2 (the lower middle value), the 90th percentile at rank ⌈3.6⌉ = 4
        assertThat(Percentiles.median(List.of(8L, 2L, 6L, 4L))).isEqualTo(4L);
        assertThat(Percentiles.of(List.of(8L, 2L, 6L, 4L), 90)).isEqualTo(8L);
        // n = 10: the 90th percentile is at rank 9, not the largest value
        assertThat(Percentiles.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 100L), 90)).isEqualTo(9L);
        // one value is every percentile
        assertThat(Percentiles.of(List.of(42L), 1)).isEqualTo(42L);
        assertThat(Percentiles.of(List.of(42L), 100)).isEqualTo(42L);
    }

    @Test
    void noValuesHaveNoPercentileAndNonsenseIsRefused() {
        assertThat(Percentiles.median(List.of())).isNull();
        assertThatThrownBy(() -> Percentiles.of(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1L), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
