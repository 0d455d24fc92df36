package org.stormdesk.traffic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generator of labelled traffic: a queue's offered contacts per interval, with a daily and a weekly pattern, noise,
 * and surges of known size and shape injected where the labels say. The demo's simulator runs it live, the surge
 * detector is measured on it, and the benchmark feeds it to the server.
 *
 * <ul>
 *   <li>Rate: {@code base × day(hour) × week(weekday)}. The day rises from a night floor of 8 % to a morning peak at
 *       10:00 and a second one at 15:00 (two Gaussian bumps); Saturday runs at 60 %, Sunday at 45 %, Monday at 115 %.</li>
 *   <li>Noise: negative binomial (a Poisson count whose rate is itself Gamma with shape {@link #NOISE_SHAPE}), which is
 *       how real interval counts spread (more than Poisson).</li>
 *   <li>Surges multiply the rate by {@code 1 + (size − 1) × shape(t)}: {@code STEP} (flat for its duration), {@code SPIKE}
 *       (one or two intervals), {@code RAMP} (climbs linearly to its size, then drops), {@code DECAY} (jumps to its size,
 *       then halves every quarter of its duration).</li>
 * </ul>
 */
public final class TrafficPattern {

    /** Shape of the Gamma that spreads each interval's rate: the variance is {@code μ + μ²/NOISE_SHAPE}. */
    public static final double NOISE_SHAPE = 60;

    public enum Shape { STEP, SPIKE, RAMP, DECAY }

    /** A surge injected into the traffic: from interval {@code start} for {@code intervals}, multiplying up to {@code size}. */
    public record Injected(int start, int intervals, double size, Shape shape) {
        public int end() {
            return start + intervals - 1;
        }
    }

    private final double base;
    private final ZoneId zone;
    private final Duration interval;
    private final Random random;

    /** @param base the contacts an interval at a weekday's 10:00 peak brings, before noise */
    public TrafficPattern(double base, ZoneId zone, Duration interval, long seed) {
        this.base = base;
        this.zone = zone;
        this.interval = interval;
        this.random = new Random(seed);
    }

    /** The expected contacts in the interval starting at {@code at}, without surges or noise. */
    public double rate(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        double day = 0.08 + 0.92 * Math.exp(-Math.pow((hour - 10) / 2.2, 2)) + 0.75 * Math.exp(-Math.pow((hour - 15) / 2.5, 2));
        double week = switch (local.getDayOfWeek()) {
            case SATURDAY -> 0.6;
            case SUNDAY -> 0.45;
            case MONDAY -> 1.15;
            default -> 1.0;
        };
        return base * Math.min(day, 1.1) * week * interval.toSeconds() / 900.0;
    }

    /** How much a surge multiplies the rate {@code k} intervals after it began (1 outside it). */
    public static double multiplier(Injected s, int index) {
        int k = index - s.start();
        if (k < 0 || k >= s.intervals()) {
            return 1;
        }
        double shape = switch (s.shape()) {
            case STEP, SPIKE -> 1;
            case RAMP -> (k + 1.0) / s.intervals();
            case DECAY -> Math.pow(0.5, k / Math.max(1.0, s.intervals() / 4.0));
        };
        return 1 + (s.size() - 1) * shape;
    }

    /** A negative binomial count with mean {@code mean}. */
    public int draw(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double rate = gamma(NOISE_SHAPE) / NOISE_SHAPE * mean;
        return poisson(rate);
    }

    /** {@code count} intervals from {@code from}, with the surges injected; one count per interval. */
    public int[] generate(Instant from, int count, List<Injected> surges) {
        int[] offered = new int[count];
        for (int i = 0; i < count; i++) {
            double m = rate(from.plus(interval.multipliedBy(i)));
            for (Injected s : surges) {
                m *= multiplier(s, i);
            }
            offered[i] = draw(m);
        }
        return offered;
    }

    /**
     * Surges to inject into {@code count} intervals, after the first {@code quiet} (left for learning): one every
     * {@code every} intervals on average, sizes, shapes and durations drawn in turn from the given lists, only in
     * daytime (09:00 to 18:00), never overlapping.
     */
    public List<Injected> surges(Instant from, int count, int quiet, int every, double[] sizes) {
        List<Injected> list = new ArrayList<>();
        Shape[] shapes = Shape.values();
        int i = quiet;
        int k = 0;
        while (true) {
            i += every / 2 + random.nextInt(every);
            if (i >= count - 40) {
                return list;
            }
            ZonedDateTime local = from.plus(interval.multipliedBy(i)).atZone(zone);
            if (local.getHour() < 9 || local.getHour() >= 18 || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Shape shape = shapes[k % shapes.length];
            double size = sizes[(k / shapes.length) % sizes.length];
            int intervals = switch (shape) {
                case SPIKE -> 1 + random.nextInt(2);
                case STEP -> 4 + random.nextInt(9);
                case RAMP -> 6 + random.nextInt(7);
                case DECAY -> 6 + random.nextInt(9);
            };
            list.add(new Injected(i, intervals, size, shape));
            i += intervals;
            k++;
        }
    }

    private int poisson(double mean) {
        if (mean < 30) {
            double l = Math.exp(-mean);
            int k = 0;
            double p = random.nextDouble();
            while (p > l) {
                k++;
                p *= random.nextDouble();
            }
            return k;
        }
        // large means: the normal approximation with continuity correction is indistinguishable at this scale
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }

    /** Marsaglia and Tsang's Gamma(shape, 1) for shape ≥ 1. */
    private double gamma(double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
