package org.stormdesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The managers' and leadership's report for a period: real incidents (drills apart), their times to acknowledge
 * and recover, escalations, compliance with the specification clause by clause, customers captured by hand,
 * callbacks, and the drills run. Durations are in seconds; percentiles by nearest rank ({@link Percentiles}).
 *
 * @param bucket day, week (starting Monday) or month: how {@code overTime} is grouped
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(LocalDate from, LocalDate to, String zone, @Nullable String site, @Nullable String kind,
                     String bucket, List<String> sites, Incidents incidents, List<Times> times,
                     Escalations escalations, List<ClauseCompliance> compliance, Customers customers,
                     Callbacks callbacks, Drills drills) {

    @Serdeable
    public record Count(String key, int count) {
    }

    /** Incidents of one period of {@code overTime}: how many of each kind, severity and site. */
    @Serdeable
    public record Period(LocalDate start, int total, List<Count> byKind, List<Count> bySeverity, List<Count> bySite) {
    }

    @Serdeable
    public record Incidents(int total, List<Count> byKind, List<Count> bySeverity, List<Count> bySite,
                            List<Period> overTime) {
    }

    /** Time to acknowledge and to recover for one kind (or {@code all}), in seconds. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Times(String kind, int incidents, int acknowledged, int recovered, @Nullable Long ackMedian,
                        @Nullable Long ackP90, @Nullable Long recoverMedian, @Nullable Long recoverP90) {
    }

    /** Escalations fired for one clause (or {@code all}): acknowledged in time, late, or not at all. */
    @Serdeable
    public record EscalationRow(String clause, int fired, int inTime, int late, int unacknowledged) {
    }

    @Serdeable
    public record Escalations(int fired, int inTime, int late, int unacknowledged, List<EscalationRow> byClause) {
    }

    /** How one clause was followed: its playbook steps and timers, as {@code escalation.Compliance} judges them. */
    @Serdeable
    public record ClauseCompliance(String clause, int stepsOnTime, int stepsLate, int stepsMissed, int stepsSkipped,
                                   int timersOnTime, int timersLate, int timersMissed) {
    }

    /** Customers captured by hand (S2.5) and what became of their back-fill into the CRM. */
    @Serdeable
    public record Customers(int captured, int backfilled, int rejected, int awaiting) {
    }

    /** Callbacks promised to captured customers (S2.6), attempts by outcome, and promised ones overdue now. */
    @Serdeable
    public record Callbacks(int promised, int attempts, int reached, int overdue, List<Count> byOutcome) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drill(UUID incidentId, String kind, @Nullable String site, Instant startedAt,
                        @Nullable Long ackSeconds, @Nullable Long recoverSeconds, int stepsOnTime, int stepsLate,
                        int stepsMissed, int timersOnTime, int timersLate, int timersMissed) {
    }

    @Serdeable
    public record Drills(int count, List<Times> times, List<Drill> list) {
    }
}
