package org.stormdesk.traffic;

/**
 * Erlang B, C and A, exact and numerically stable from one agent to many thousands and for thousands of erlangs:
 * no factorials and no powers, only recurrences whose terms stay between 0 and 1 (or sums in log space).
 *
 * <ul>
 *   <li>Erlang B (blocking, M/M/n/n) by the recurrence {@code B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1))}.</li>
 *   <li>Erlang C (probability of waiting, M/M/n) from B: {@code C = n·B / (n − A·(1 − B))} for {@code n > A}.</li>
 *   <li>Erlang A (M/M/n+M, Palm's queue with exponential patience): the birth-death chain summed in log space.
 *       An arrival that finds {@code m} waiting ahead waits (if it had infinite patience) a sum of exponentials of
 *       rates {@code nμ + iθ, i = 0..m}; with {@code a = nμ/θ}, {@code 1 − e^{−θV}} is then Beta(m+1, a)
 *       (Rényi's representation of exponential order statistics), so it is answered with probability
 *       {@code a/(a+m+1)}, within t with probability {@code a/(a+m+1)·I_{1−e^{−θt}}(m+1, a+1)}, and its mean wait
 *       when answered is {@code Σ_{i=0..m} 1/(θ(a+1+i))}. Mandelbaum and Zeltyn (2007) give the same model.</li>
 * </ul>
 */
public final class Erlang {

    /** Beyond this many waiting (in units of the load's spread) the chain's mass is below double precision. */
    private static final double TAIL = 1e-17;

    private Erlang() {
    }

    /** Erlang B: the probability that a call finds all {@code agents} busy and is lost, at {@code erlangs} offered. */
    public static double b(int agents, double erlangs) {
        if (agents < 0 || erlangs < 0 || Double.isNaN(erlangs)) {
            throw new IllegalArgumentException("agents and erlangs must not be negative");
        }
        double b = 1.0;
        for (int k = 1; k <= agents; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return b;
    }

    /** Erlang C: the probability that a call waits, with {@code agents} agents at {@code erlangs} offered (1 when overloaded). */
    public static double c(int agents, double erlangs) {
        return cFromB(agents, erlangs, b(agents, erlangs));
    }

    static double cFromB(int agents, double erlangs, double b) {
        if (agents <= erlangs) {
            return 1.0;
        }
        return agents * b / (agents - erlangs * (1 - b));
    }

    /**
     * How a queue does with a number of agents.
     *
     * @param serviceLevel the share of offered calls answered within the target time
     * @param asa          the average speed of answer of answered calls, in seconds (infinite when overloaded)
     * @param occupancy    the share of the agents' time spent handling calls
     * @param waitProbability the probability that a call waits at all
     * @param abandonment  the share of calls that hang up before an answer (0 for Erlang C)
     */
    public record Performance(int agents, double serviceLevel, double asa, double occupancy, double waitProbability,
                              double abandonment) {
    }

    /** Erlang C performance: {@code erlangs} offered, {@code aht} seconds per call, answered within {@code within} seconds. */
    public static Performance c(int agents, double erlangs, double aht, double within) {
        return cPerformance(agents, erlangs, aht, within, b(agents, erlangs));
    }

    private static Performance cPerformance(int agents, double erlangs, double aht, double within, double b) {
        if (agents <= erlangs) {
            return new Performance(agents, 0, Double.POSITIVE_INFINITY, 1, 1, 0);
        }
        double c = cFromB(agents, erlangs, b);
        double sl = 1 - c * Math.exp(-(agents - erlangs) * within / aht);
        double asa = c * aht / (agents - erlangs);
        return new Performance(agents, clamp(sl), asa, erlangs / agents, c, 0);
    }

    /**
     * Erlang A performance: as {@link #c(int, double, double, double)}, with callers who hang up after an exponential
     * patience of mean {@code patience} seconds. Stable for any load, overloaded or not.
     */
    public static Performance a(int agents, double erlangs, double aht, double within, double patience) {
        if (agents < 1) {
            return new Performance(agents, 0, Double.POSITIVE_INFINITY, 1, 1, 1);
        }
        double mu = 1 / aht;
        double theta = 1 / patience;
        double lambda = erlangs * mu;
        double a = agents * mu / theta;
        double y = lambda / theta;
        // log π_j (unnormalised, π_0 = 1) for j ≤ n from the Erlang B recurrence: π_n / Σ_{j≤n} π_j = B(n)
        double bn = b(agents, erlangs);
        // Σ_{j<n} π_j relative to π_n: (1 − B) / B; work relative to π_n to stay in range
        double belowN = bn > 0 ? (1 - bn) / bn : Double.POSITIVE_INFINITY;
        if (Double.isInfinite(belowN)) {
            // π_n is vanishingly small next to the states below: nobody waits
            return new Performance(agents, 1, 0, erlangs / agents, 0, 0);
        }
        // the waiting states n+m, m ≥ 0, relative to π_n: r_0 = 1, r_m = r_{m−1}·y/(a+m)
        double u = -Math.expm1(-theta * within); // 1 − e^{−θt}
        double logU = Math.log(u);
        double log1mU = -theta * within;
        double q = a + 1;
        double r = 1;
        double waiting = 0;
        double answeredWithin = 0;
        double answered = 0;
        double answeredWait = 0;
        double harmonic = 0;
        // I_u(1, q) = 1 − (1−u)^q, then I_u(p+1, q) = I_u(p, q) − T_p with T_1 = q·u·(1−u)^q, T_{p+1} = T_p·u·(p+q)/(p+1)
        double incomplete = -Math.expm1(q * log1mU);
        double logT = Math.log(q) + logU + q * log1mU;
        for (int m = 0; ; m++) {
            double served = a / (a + m + 1);
            harmonic += 1 / (theta * (a + 1 + m));
            waiting += r;
            answered += r * served;
            answeredWithin += r * served * Math.max(0, incomplete);
            answeredWait += r * served * harmonic;
            // next m
            int p = m + 1;
            incomplete -= Math.exp(logT);
            logT += logU + Math.log((p + q) / (p + 1));
            r *= y / (a + m + 1);
            if (r < TAIL * (waiting + belowN) && m > y - a) {
                break;
            }
        }
        double total = belowN + waiting;
        double pWait = waiting / total;
        double pAnswered = (belowN + answered) / total;
        double sl = (belowN + answeredWithin) / total;
        double asa = pAnswered > 0 ? (answeredWait / total) / pAnswered : Double.POSITIVE_INFINITY;
        double occupancy = Math.min(1, erlangs * pAnswered / agents);
        return new Performance(agents, clamp(sl), asa, occupancy, clamp(pWait), clamp(1 - pAnswered));
    }

    /**
     * The fewest agents whose service level reaches {@code target} (Erlang C, or Erlang A when {@code patience} is
     * given), and how the queue does with them. With nothing offered that is no agent at all.
     */
    public static Performance required(double erlangs, double aht, double within, double target, Double patience) {
        if (erlangs <= 0) {
            return new Performance(0, 1, 0, 0, 0, 0);
        }
        if (target >= 1) {
            throw new IllegalArgumentException("a service-level target must be below 1");
        }
        if (patience == null) {
            // walk B up from 0; from ⌊A⌋+1 agents on, test each count
            int n = 0;
            double b = 1.0;
            while (true) {
                n++;
                b = erlangs * b / (n + erlangs * b);
                if (n > erlangs) {
                    Performance p = cPerformance(n, erlangs, aht, within, b);
                    if (p.serviceLevel() >= target) {
                        return p;
                    }
                }
            }
        }
        // Erlang A: service level rises with agents; search from a lower bound upwards with doubling, then bisect
        int low = 0;
        int high = Math.max(1, (int) Math.ceil(erlangs));
        while (a(high, erlangs, aht, within, patience).serviceLevel() < target) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (a(mid, erlangs, aht, within, patience).serviceLevel() >= target) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return a(high, erlangs, aht, within, patience);
    }

    /** The load in erlangs of {@code calls} calls offered in {@code intervalSeconds}, each handled in {@code aht} seconds. */
    public static double erlangs(double calls, double intervalSeconds, double aht) {
        return calls * aht / intervalSeconds;
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
