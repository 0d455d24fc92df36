package org.stormdesk.report;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Percentiles by the nearest-rank method: of n values sorted ascending, the p-th percentile is the value at rank
 * ⌈p/100 × n⌉ (1-based), so it is always one of the observed values; the median is the 50th percentile by the same
 * rule (the lower of the two middle values when n is even). None for no values.
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static @Nullable Long of(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    public static @Nullable Long median(List<Long> values) {
        return of(values, 50);
    }
}
