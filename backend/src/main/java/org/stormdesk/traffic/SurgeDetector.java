package org.stormdesk.traffic;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;

/**
 * Learns one queue's normal offered volume per weekly slot and tells, interval by interval, whether a surge is under
 * way. The same object judges live samples and replayed history, so history is judged exactly as it would have been live.
 *
 * <p>The test: a one-sided CUSUM (Page, 1954) on standardized residuals ({@link #residual}: about {@code (x − μ) / √(μ + c·μ²)}), where
 * {@code μ} is the slot's learned mean and {@code c} the queue's overdispersion (negative binomial: arrivals are
 * Poisson given the rate, and the rate itself varies from day to day, so the variance grows faster than the mean).
 * {@code S = max(0, S + z − k)} with {@code k = 0.5} (tuned to shifts of about one standard deviation) raises an alarm
 * at {@code S ≥ h = 6} (k and h tuned on the labelled traffic of SurgeDetectionQualityTest). Why: a fixed threshold ("+30 %") fires on noise in a quiet night queue and misses a real rise in
 * a busy one; standardizing makes one threshold mean the same at 5 and at 500 calls an interval, and the CUSUM adds up
 * moderate excesses that no single interval proves, while one huge interval (z ≥ 6.5) alarms at once. The surge starts
 * where the CUSUM's run began, and ends after {@link #CALM_INTERVALS} intervals back near the expected volume.
 * Intervals in a surge do not teach the baseline (unless the surge outlasts a day: then it is the new normal).
 */
public final class SurgeDetector {

    public static final double K = 0.5;
    public static final double H = 6.0;
    /** An interval within this many standard deviations of the expected counts as calm. */
    public static final double CALM_Z = 1.0;
    public static final int CALM_INTERVALS = 2;
    /** Observations of a slot before it is judged. */
    public static final int WARMUP = 3;
    /** Weight of a new observation in a slot's mean once warmed up (about the last eight weeks). */
    public static final double ALPHA = 1.0 / 8;
    private static final double DISPERSION_ALPHA = 0.01;
    /** Below this many expected contacts an interval says little about the extra spread. */
    private static final double MIN_FOR_DISPERSION = 5;
    private static final double LEVEL_ALPHA = 0.3;

    private final int slotsPerDay;
    private final double[] mean;
    private final int[] n;
    private double dispersion;
    private int dispersionN;
    private double cusum;
    private @Nullable Instant runStart;
    private int calm;
    private @Nullable Instant last;
    private @Nullable Surge open;
    private int openIntervals;
    private double level = 1;

    public SurgeDetector(int slotsPerWeek) {
        this.slotsPerDay = slotsPerWeek / 7;
        this.mean = new double[slotsPerWeek];
        this.n = new int[slotsPerWeek];
    }

    /** What one interval showed. */
    public enum Kind { LEARNING, NORMAL, STARTED, ONGOING, ENDED }

    /** One interval judged: what was expected, how far off it was, and the surge it started, continued or ended. */
    public record Step(Kind kind, Instant at, int offered, double expected, double z, double cusum, @Nullable Surge surge) {
    }

    /** A surge: where its evidence began, the interval that gave it away, its end (null while on) and its peak. */
    public record Surge(Instant startedAt, Instant detectedAt, @Nullable Instant endedAt, Instant peakAt, int peakOffered,
                        double peakExpected, double peakZ, double score) {

        Surge peak(Instant at, int offered, double expected, double z, double s) {
            boolean higher = z > peakZ;
            return new Surge(startedAt, detectedAt, endedAt, higher ? at : peakAt, higher ? offered : peakOffered,
                    higher ? expected : peakExpected, Math.max(z, peakZ), Math.max(score, s));
        }

        Surge end(Instant at) {
            return new Surge(startedAt, detectedAt, at, peakAt, peakOffered, peakExpected, peakZ, score);
        }
    }

    /** Judges the interval starting {@code at} in weekly {@code slot} with {@code offered} contacts, then learns from it. */
    public Step observe(Instant at, int slot, int offered) {
        last = at;
        if (n[slot] < WARMUP) {
            learn(slot, offered);
            return new Step(Kind.LEARNING, at, offered, Double.NaN, 0, cusum, null);
        }
        double expected = mean[slot];
        double z = residual(offered, expected);
        if (expected > 0.5) {
            level += LEVEL_ALPHA * (offered / expected - level);
        }
        if (cusum == 0 && z - K > 0) {
            runStart = at;
        }
        cusum = Math.max(0, cusum + z - K);
        if (open == null) {
            if (cusum >= H) {
                open = new Surge(runStart == null ? at : runStart, at, null, at, offered, expected, z, cusum);
                openIntervals = 1;
                calm = 0;
                return new Step(Kind.STARTED, at, offered, expected, z, cusum, open);
            }
            learn(slot, offered);
            learnDispersion(offered, expected);
            return new Step(Kind.NORMAL, at, offered, expected, z, cusum, null);
        }
        open = open.peak(at, offered, expected, z, cusum);
        openIntervals++;
        calm = z < CALM_Z ? calm + 1 : 0;
        if (openIntervals > slotsPerDay) {
            learn(slot, offered);
        }
        if (calm >= CALM_INTERVALS) {
            Surge ended = open.end(at);
            open = null;
            cusum = 0;
            runStart = null;
            calm = 0;
            return new Step(Kind.ENDED, at, offered, expected, z, 0, ended);
        }
        return new Step(Kind.ONGOING, at, offered, expected, z, cusum, open);
    }

    private void learn(int slot, int offered) {
        n[slot]++;
        double weight = n[slot] <= 1 / ALPHA ? 1.0 / n[slot] : ALPHA;
        mean[slot] += weight * (offered - mean[slot]);
    }

    /**
     * The standardized residual: Anscombe's variance-stabilizing root for Poisson counts, {@code 2(√(x+3/8) − √(μ+3/8))},
     * which is close to normal even for a handful of calls (where {@code (x − μ)/√μ} is far too skewed), divided by
     * {@code √(1 + c·μ)} for the extra spread of a negative binomial (variance {@code μ + c·μ²}).
     */
    public double residual(int offered, double expected) {
        double e = Math.max(expected, 0);
        return 2 * (Math.sqrt(offered + 0.375) - Math.sqrt(e + 0.375)) / Math.sqrt(1 + dispersion * e);
    }

    /** Learns {@code c} by the method of moments, {@code ((x − μ)² − μ) / μ²}, each term bounded so an outlier cannot run it up. */
    private void learnDispersion(int offered, double expected) {
        if (expected < MIN_FOR_DISPERSION) {
            return;
        }
        double e = expected;
        double term = ((offered - e) * (offered - e) - e) / (e * e);
        term = Math.max(-1, Math.min(term, 16.0 / e + 1));
        dispersionN++;
        double weight = Math.max(DISPERSION_ALPHA, 1.0 / dispersionN);
        dispersion = Math.max(0, dispersion + weight * (term - dispersion));
    }

    /** The weekly slot of the interval starting {@code at}: weekday and time of day in the center's zone. */
    public static int slot(Instant at, java.time.ZoneId zone, int intervalSeconds) {
        java.time.ZonedDateTime local = at.atZone(zone);
        int perDay = 86400 / intervalSeconds;
        return (local.getDayOfWeek().getValue() - 1) * perDay + local.toLocalTime().toSecondOfDay() / intervalSeconds;
    }

    public static int slotsPerWeek(int intervalSeconds) {
        return 7 * (86400 / intervalSeconds);
    }

    /** The expected offered volume of a slot, or NaN while it is still being learned. */
    public double expected(int slot) {
        return n[slot] >= WARMUP ? mean[slot] : Double.NaN;
    }

    /** Observed over expected lately (1 when on pattern): forecasts lean on it for the next hours. */
    public double level() {
        return level;
    }

    public double dispersion() {
        return dispersion;
    }

    public @Nullable Surge open() {
        return open;
    }

    public @Nullable Instant last() {
        return last;
    }

    public int slots() {
        return mean.length;
    }

    /** The detector's whole state, to keep between requests (and restarts). */
    public record Memory(double[] mean, int[] n, double dispersion, int dispersionN, double cusum, @Nullable Instant runStart,
                         int calm, @Nullable Instant last, @Nullable Surge open, int openIntervals, double level) {
    }

    public Memory memory() {
        return new Memory(mean.clone(), n.clone(), dispersion, dispersionN, cusum, runStart, calm, last, open, openIntervals, level);
    }

    public static SurgeDetector of(Memory m) {
        SurgeDetector d = new SurgeDetector(m.mean().length);
        System.arraycopy(m.mean(), 0, d.mean, 0, m.mean().length);
        System.arraycopy(m.n(), 0, d.n, 0, m.n().length);
        d.dispersion = m.dispersion();
        d.dispersionN = m.dispersionN();
        d.cusum = m.cusum();
        d.runStart = m.runStart();
        d.calm = m.calm();
        d.last = m.last();
        d.open = m.open();
        d.openIntervals = m.openIntervals();
        d.level = m.level();
        return d;
    }

    @Override
    public String toString() {
        return "SurgeDetector[cusum=" + cusum + ", dispersion=" + dispersion + ", learned=" + Arrays.stream(n).filter(c -> c >= WARMUP).count() + "]";
    }
}
