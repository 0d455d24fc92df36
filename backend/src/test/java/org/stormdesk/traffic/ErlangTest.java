package org.stormdesk.traffic;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Erlang B, C and A against published tables, textbook examples, exact arithmetic and independent computations.
 */
class ErlangTest {

    @Test
    void erlangBMatchesThePublishedOnePercentBlockingTable() {
        // The Erlang B table at 1 % blocking (grade of service 0.01), as printed in traffic tables, e.g. ITU-T
        // "Teletraffic Engineering Handbook" (Iversen), Table of Erlang's B-formula: 10 circuits carry 4.461 erlangs,
        // 50 circuits 37.90 erlangs, 100 circuits 84.06 erlangs. The table rounds the load, so B is 0.01 within that rounding.
        assertThat(Erlang.b(10, 4.461)).isCloseTo(0.01, within(0.0001));
        assertThat(Erlang.b(50, 37.90)).isCloseTo(0.01, within(0.0001));
        assertThat(Erlang.b(100, 84.06)).isCloseTo(0.01, within(0.0001));
        // Small cases by hand: B(1, A) = A / (1 + A); B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
        assertThat(Erlang.b(1, 1)).isEqualTo(0.5);
        assertThat(Erlang.b(2, 1)).isCloseTo(0.2, within(1e-15));
        // 10 erlangs on 10 circuits: 0.2146 in every Erlang B table
        assertThat(Erlang.b(10, 10)).isCloseTo(0.2146, within(0.00005));
    }

    @Test
    void erlangCMatchesExactRationalArithmeticOnTheTextbookExample() {
        // The worked example of Westbay Engineers' "The Erlang-C Formula" (erlang.com): 360 calls per half hour, 4 minutes
        // per call, 55 agents, target answer time 15 s. Traffic 48 erlangs, occupancy 48/55 = 87.3 %. The exact values of
        // the formula, evaluated here with BigDecimal sums of A^k/k!, are P(wait) = 0.2387009, ASA = 8.184 s,
        // service level 84.59 %.
        double erlangs = Erlang.erlangs(360, 1800, 240);
        assertThat(erlangs).isEqualTo(48.0);
        Erlang.Performance p = Erlang.c(55, erlangs, 240, 15);
        double exact = exactErlangC(55, 48);
        assertThat(exact).isCloseTo(0.2387009, within(1e-7));
        assertThat(p.waitProbability()).isCloseTo(exact, within(1e-12));
        assertThat(p.asa()).isCloseTo(exact * 240 / 7, within(1e-9)).isCloseTo(8.184, within(0.001));
        assertThat(p.serviceLevel()).isCloseTo(1 - exact * Math.exp(-7.0 * 15 / 240), within(1e-12)).isCloseTo(0.8459, within(0.0001));
        assertThat(p.occupancy()).isCloseTo(0.8727, within(0.0001));
    }

    @Test
    void theFewestAgentsForEightyTwentyOnTheClassicHundredCallsExample() {
        // The usual introductory staffing example: 100 calls in 30 minutes, 180 s handle time (10 erlangs), 80 % in 20 s.
        // Exactly (BigDecimal): 13 agents wait with probability 0.28527 and answer 79.56 % in 20 s, so it takes 14.
        assertThat(Erlang.c(13, 10, 180, 20).serviceLevel()).isCloseTo(0.7956, within(0.0001));
        Erlang.Performance p = Erlang.required(10, 180, 20, 0.8, null);
        assertThat(p.agents()).isEqualTo(14);
        assertThat(p.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(exactErlangC(13, 10)).isCloseTo(Erlang.c(13, 10), within(1e-12));
    }

    @Test
    void stableFromOneAgentToThousandsAndThousandsOfErlangs() {
        assertThat(Erlang.required(0.01, 180, 20, 0.8, null).agents()).isEqualTo(1);
        for (double erlangs : new double[] {1, 10, 100, 1000, 4800}) {
            Erlang.Performance p = Erlang.required(erlangs, 240, 20, 0.8, null);
            assertThat(p.agents()).isGreaterThan((int) erlangs);
            assertThat(p.serviceLevel()).isBetween(0.8, 1.0);
            assertThat(Erlang.c(p.agents() - 1, erlangs, 240, 20).serviceLevel()).isLessThan(0.8);
            assertThat(p.asa()).isFinite().isPositive();
        }
        // exact against BigDecimal at 1,000 agents and 950 erlangs (A^n/n! alone would overflow a double)
        assertThat(Erlang.c(1000, 950)).isCloseTo(exactErlangC(1000, 950), within(1e-12));
        assertThat(Erlang.b(5000, 4900)).isBetween(0.0, 1.0);
        assertThat(Erlang.c(5000, 4990)).isBetween(0.0, 1.0);
    }

    @Test
    void erlangAWithEndlessPatienceIsErlangC() {
        Erlang.Performance c = Erlang.c(55, 48, 240, 15);
        Erlang.Performance a = Erlang.a(55, 48, 240, 15, 1e9);
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-6));
        assertThat(a.asa()).isCloseTo(c.asa(), within(1e-4));
        assertThat(a.waitProbability()).isCloseTo(c.waitProbability(), within(1e-6));
        assertThat(a.abandonment()).isLessThan(1e-6);
    }

    @Test
    void erlangAAgreesWithTheBirthDeathChainSolvedDirectly() {
        // Palm's M/M/n+M queue (Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call centers", 2007).
        // Solved here independently: the stationary distribution by brute force, abandonment from Little's law for the
        // queue (λ·P(abandon) = θ·E[queue]), waiting from PASTA, even when overloaded (40 agents for 48 erlangs).
        for (int agents : new int[] {1, 5, 40, 55, 70}) {
            double erlangs = 48;
            double aht = 240;
            double patience = 120;
            Erlang.Performance p = Erlang.a(agents, erlangs, aht, 15, patience);
            double lambda = erlangs / aht;
            double mu = 1 / aht;
            double theta = 1 / patience;
            double[] pi = new double[agents + 20000];
            pi[0] = 1;
            double total = 1;
            for (int j = 1; j < pi.length; j++) {
                double death = Math.min(j, agents) * mu + Math.max(0, j - agents) * theta;
                pi[j] = pi[j - 1] * lambda / death;
                total += pi[j];
            }
            double queue = 0;
            double wait = 0;
            for (int j = agents; j < pi.length; j++) {
                queue += (j - agents) * pi[j] / total;
                wait += pi[j] / total;
            }
            assertThat(p.abandonment()).as("abandonment with %d agents", agents).isCloseTo(theta * queue / lambda, within(1e-9));
            assertThat(p.waitProbability()).as("P(wait) with %d agents", agents).isCloseTo(wait, within(1e-9));
        }
    }

    @Test
    void erlangAServiceLevelAgreesWithTheWaitingTimeIntegratedNumerically() {
        // One arrival finding m waiting ahead is answered within t when the m+1 departures ahead of it (rates nμ + iθ)
        // all happen before t and before its own patience runs out: integrated here with small time steps, independently
        // of the closed form the class uses.
        int agents = 3;
        double erlangs = 2.5;
        double aht = 60;
        double patience = 45;
        double t = 20;
        double lambda = erlangs / aht;
        double mu = 1 / aht;
        double theta = 1 / patience;
        int maxQueue = 200;
        double[] pi = new double[agents + maxQueue];
        pi[0] = 1;
        double total = 1;
        for (int j = 1; j < pi.length; j++) {
            pi[j] = pi[j - 1] * lambda / (Math.min(j, agents) * mu + Math.max(0, j - agents) * theta);
            total += pi[j];
        }
        double answeredWithin = 0;
        for (int j = 0; j < agents; j++) {
            answeredWithin += pi[j] / total;
        }
        // state k = departures still needed; the tagged caller abandons at rate θ; Euler steps on the ODE
        int steps = 200_000;
        double dt = t / steps;
        for (int m = 0; m < maxQueue; m++) {
            double[] need = new double[m + 2];
            need[m + 1] = 1;
            double served = 0;
            for (int s = 0; s < steps; s++) {
                double[] next = need.clone();
                for (int k = 1; k <= m + 1; k++) {
                    double rate = agents * mu + (k - 1) * theta;
                    double out = need[k] * rate * dt;
                    next[k] -= out + need[k] * theta * dt;
                    if (k == 1) {
                        served += out;
                    } else {
                        next[k - 1] += out;
                    }
                }
                need = next;
            }
            answeredWithin += pi[agents + m] / total * served;
            if (pi[agents + m] / total < 1e-12) {
                break;
            }
        }
        assertThat(Erlang.a(agents, erlangs, aht, t, patience).serviceLevel()).isCloseTo(answeredWithin, within(2e-4));
    }

    @Test
    void erlangAStaffsFewerThanErlangCWhenCallersHangUp() {
        Erlang.Performance c = Erlang.required(48, 240, 15, 0.8, null);
        Erlang.Performance a = Erlang.required(48, 240, 15, 0.8, 120.0);
        assertThat(a.agents()).isLessThanOrEqualTo(c.agents());
        assertThat(a.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(Erlang.a(a.agents() - 1, 48, 240, 15, 120).serviceLevel()).isLessThan(0.8);
        // thousands of erlangs, overloaded or not, no overflow
        Erlang.Performance big = Erlang.required(4800, 240, 20, 0.8, 180.0);
        assertThat(big.serviceLevel()).isBetween(0.8, 1.0);
        assertThat(big.abandonment()).isBetween(0.0, 1.0);
    }

    /** Erlang C from its textbook definition in BigDecimal: (A^n/n!·n/(n−A)) / (Σ_{k<n} A^k/k! + A^n/n!·n/(n−A)). */
    static double exactErlangC(int n, double a) {
        MathContext mc = new MathContext(60);
        BigDecimal load = BigDecimal.valueOf(a);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            sum = sum.add(term, mc);
            term = term.multiply(load, mc).divide(BigDecimal.valueOf(k + 1), mc);
        }
        BigDecimal top = term.multiply(BigDecimal.valueOf(n), mc).divide(BigDecimal.valueOf(n).subtract(load), mc);
        return top.divide(sum.add(top, mc), mc).doubleValue();
    }
}
