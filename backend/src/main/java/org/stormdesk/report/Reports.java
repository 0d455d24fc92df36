package org.stormdesk.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.Settings;
import org.stormdesk.escalation.Checklist;
import org.stormdesk.escalation.Compliance;
import org.stormdesk.escalation.Escalations;
import org.stormdesk.incident.IncidentKind;
import org.stormdesk.report.db.CallbackFactRow;
import org.stormdesk.report.db.CustomerFactRow;
import org.stormdesk.report.db.EscalationFactRow;
import org.stormdesk.report.db.FactRepository;
import org.stormdesk.report.db.IncidentFactRow;
import org.stormdesk.roster.Roster;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the reports from the report read model (and, for compliance, each incident's checklist as the escalation
 * capability judges it). Periods are whole days in the center's time zone; drills are counted apart from real
 * incidents everywhere.
 */
@Singleton
public class Reports {

    /** Shown for an incident whose site nobody knows. */
    public static final String NO_SITE = "-";
    static final String ALL = "all";

    private final FactRepository facts;
    private final Escalations escalations;
    private final Roster roster;
    private final Clock clock;
    private final ZoneId zone;

    public Reports(FactRepository facts, Escalations escalations, Roster roster, Clock clock, Settings settings) {
        this.facts = facts;
        this.escalations = escalations;
        this.roster = roster;
        this.clock = clock;
        this.zone = ZoneId.of(settings.timeZone());
    }

    public ZoneId zone() {
        return zone;
    }

    /** A filter from the request's values: the last 30 days by default; refused when the period makes no sense. */
    public ReportFilter filter(@Nullable String from, @Nullable String to, @Nullable String site, @Nullable String kind) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end;
        LocalDate start;
        try {
            end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("to", "report.refused.date");
        }
        try {
            start = from == null || from.isBlank() ? end.minusDays(29) : LocalDate.parse(from.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("from", "report.refused.date");
        }
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= ReportFilter.MAX_DAYS) {
            throw ProblemException.invalid("from", "report.refused.period", ReportFilter.MAX_DAYS);
        }
        String k = kind == null || kind.isBlank() || ALL.equals(kind) ? null : kind.strip();
        if (k != null && IncidentKind.parse(k).isEmpty()) {
            throw ProblemException.invalid("kind", "report.refused.kind");
        }
        String s = site == null || site.isBlank() || ALL.equals(site) ? null : site.strip();
        return new ReportFilter(start, end, s, k);
    }

    public Instant start(ReportFilter f) {
        return f.from().atStartOfDay(zone).toInstant();
    }

    public Instant end(ReportFilter f) {
        return f.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The incidents of the period that pass the filter, drills and real ones, in order of start. */
    public List<IncidentFactRow> incidents(ReportFilter f) {
        return facts.incidentsStarted(start(f), end(f)).stream().filter(i -> f.matches(siteOf(i), i.kind())).toList();
    }

    public Report compute(ReportFilter f, java.util.Locale locale) {
        List<IncidentFactRow> all = incidents(f);
        List<IncidentFactRow> real = all.stream().filter(i -> !i.drill()).toList();
        List<IncidentFactRow> drills = all.stream().filter(IncidentFactRow::drill).toList();
        Map<UUID, IncidentFactRow> known = facts.incidentsStarted(start(f).minus(Duration.ofDays(400)), end(f)).stream()
                .collect(Collectors.toMap(IncidentFactRow::id, Function.identity()));
        Map<UUID, Checklist> checklists = new HashMap<>();
        for (IncidentFactRow i : all) {
            checklist(i.id(), locale).ifPresent(c -> checklists.put(i.id(), c));
        }
        String bucket = bucket(f);
        TreeSet<String> sites = new TreeSet<>(roster.sites());
        facts.allIncidents().stream().map(IncidentFactRow::site).filter(Objects::nonNull).forEach(sites::add);
        return new Report(f.from(), f.to(), zone.getId(), f.site(), f.kind(), bucket, List.copyOf(sites),
                incidentCounts(real, f, bucket), times(real), escalationCounts(f, known), compliance(real, checklists),
                customers(f, known), callbacks(f, known), drills(drills, checklists));
    }

    private java.util.Optional<Checklist> checklist(UUID incident, java.util.Locale locale) {
        try {
            return java.util.Optional.of(escalations.checklist(incident, locale));
        } catch (ProblemException | java.util.NoSuchElementException noPlaybook) {
            return java.util.Optional.empty();
        }
    }

    private static String siteOf(IncidentFactRow i) {
        return i.site() == null ? NO_SITE : i.site();
    }

    static String bucket(ReportFilter f) {
        long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        return days <= 62 ? "day" : days <= 366 ? "week" : "month";
    }

    LocalDate bucketStart(Instant at, String bucket) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return switch (bucket) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    private Report.Incidents incidentCounts(List<IncidentFactRow> real, ReportFilter f, String bucket) {
        TreeMap<LocalDate, List<IncidentFactRow>> periods = new TreeMap<>();
        LocalDate first = bucketStart(start(f), bucket);
        for (LocalDate d = first; !d.isAfter(f.to()); d = next(d, bucket)) {
            periods.put(d, new ArrayList<>());
        }
        for (IncidentFactRow i : real) {
            periods.computeIfAbsent(bucketStart(i.startedAt(), bucket), k -> new ArrayList<>()).add(i);
        }
        List<Report.Period> overTime = periods.entrySet().stream().map(e -> new Report.Period(e.getKey(),
                e.getValue().size(), counts(e.getValue(), IncidentFactRow::kind), counts(e.getValue(), IncidentFactRow::severity),
                counts(e.getValue(), Reports::siteOf))).toList();
        return new Report.Incidents(real.size(), counts(real, IncidentFactRow::kind), counts(real, IncidentFactRow::severity),
                counts(real, Reports::siteOf), overTime);
    }

    private static LocalDate next(LocalDate d, String bucket) {
        return switch (bucket) {
            case "week" -> d.plusWeeks(1);
            case "month" -> d.plusMonths(1);
            default -> d.plusDays(1);
        };
    }

    private static List<Report.Count> counts(List<IncidentFactRow> rows, Function<IncidentFactRow, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new Report.Count(e.getKey(), e.getValue())).toList();
    }

    /** Time to acknowledge and to recover per kind (in the specification's order), then for all kinds together. */
    static List<Report.Times> times(List<IncidentFactRow> incidents) {
        List<Report.Times> out = new ArrayList<>();
        for (IncidentKind kind : IncidentKind.values()) {
            List<IncidentFactRow> of = incidents.stream().filter(i -> kind.wire().equals(i.kind())).toList();
            if (!of.isEmpty()) {
                out.add(times(kind.wire(), of));
            }
        }
        if (!incidents.isEmpty()) {
            out.add(times(ALL, incidents));
        }
        return out;
    }

    static Report.Times times(String key, List<IncidentFactRow> of) {
        List<Long> ack = of.stream().filter(i -> i.acknowledgedAt() != null)
                .map(i -> Duration.between(i.startedAt(), i.acknowledgedAt()).toSeconds()).toList();
        List<Long> recover = of.stream().filter(i -> i.recoveredAt() != null)
                .map(i -> Duration.between(i.startedAt(), i.recoveredAt()).toSeconds()).toList();
        return new Report.Times(key, of.size(), ack.size(), recover.size(), Percentiles.median(ack),
                Percentiles.of(ack, 90), Percentiles.median(recover), Percentiles.of(recover, 90));
    }

    private Report.Escalations escalationCounts(ReportFilter f, Map<UUID, IncidentFactRow> known) {
        List<EscalationFactRow> fired = facts.escalationsFired(start(f), end(f)).stream()
                .filter(e -> {
                    IncidentFactRow i = e.incidentId() == null ? null : known.get(e.incidentId());
                    return i == null ? !f.filtered() : !i.drill() && f.matches(siteOf(i), i.kind());
                }).toList();
        Map<String, int[]> byClause = new TreeMap<>();
        int[] total = new int[4];
        for (EscalationFactRow e : fired) {
            int[] c = byClause.computeIfAbsent(e.clause() == null ? NO_SITE : e.clause(), k -> new int[4]);
            int outcome = escalationOutcome(e);
            c[0]++;
            c[outcome]++;
            total[0]++;
            total[outcome]++;
        }
        return new Report.Escalations(total[0], total[1], total[2], total[3], byClause.entrySet().stream()
                .map(e -> new Report.EscalationRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList());
    }

    /** 1 acknowledged in time (within its ack-within, or at all when it asked for none), 2 late, 3 not acknowledged. */
    static int escalationOutcome(EscalationFactRow e) {
        if (e.acknowledgedAt() == null) {
            return 3;
        }
        if (e.ackWithin() == null) {
            return 1;
        }
        return e.acknowledgedAt().isAfter(e.firedAt().plus(Duration.parse(e.ackWithin()))) ? 2 : 1;
    }

    private static List<Report.ClauseCompliance> compliance(List<IncidentFactRow> real, Map<UUID, Checklist> checklists) {
        Map<String, int[]> byClause = new TreeMap<>(Comparator.comparing(Reports::clauseOrder).thenComparing(Comparator.naturalOrder()));
        for (IncidentFactRow i : real) {
            Checklist c = checklists.get(i.id());
            if (c == null) {
                continue;
            }
            for (Checklist.Step s : c.steps()) {
                int[] n = byClause.computeIfAbsent(s.clause(), k -> new int[7]);
                switch (s.compliance()) {
                    case "onTime" -> n[0]++;
                    case "late" -> n[1]++;
                    case "missed" -> n[2]++;
                    case "skipped" -> n[3]++;
                    default -> { }
                }
            }
            for (Checklist.Timer t : c.timers()) {
                int[] n = byClause.computeIfAbsent(t.clause(), k -> new int[7]);
                if (Compliance.ON_TIME.wire().equals(t.compliance())) {
                    n[4]++;
                } else if (Compliance.LATE.wire().equals(t.compliance())) {
                    n[5]++;
                } else if (Compliance.MISSED.wire().equals(t.compliance())) {
                    n[6]++;
                }
            }
        }
        return byClause.entrySet().stream().map(e -> {
            int[] n = e.getValue();
            return new Report.ClauseCompliance(e.getKey(), n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        }).toList();
    }

    /** S2.7 sorts before S10.1: by the numbers, not the text. */
    private static String clauseOrder(String clause) {
        StringBuilder key = new StringBuilder();
        for (String part : clause.replaceAll("[^0-9.]", "").split("\\.")) {
            key.append(String.format("%05d", part.isEmpty() ? 0 : Integer.parseInt(part)));
        }
        return key.toString();
    }

    private boolean counts(ReportFilter f, @Nullable UUID incident, Map<UUID, IncidentFactRow> known) {
        IncidentFactRow i = incident == null ? null : known.get(incident);
        if (i == null) {
            return !f.filtered();
        }
        return !i.drill() && f.matches(siteOf(i), i.kind());
    }

    private Report.Customers customers(ReportFilter f, Map<UUID, IncidentFactRow> known) {
        List<CustomerFactRow> rows = facts.customersCaptured(start(f), end(f)).stream()
                .filter(c -> counts(f, c.incidentId(), known)).toList();
        int backfilled = (int) rows.stream().filter(c -> c.backfilledAt() != null).count();
        int rejected = (int) rows.stream().filter(c -> c.backfilledAt() == null && c.rejectedAt() != null).count();
        return new Report.Customers(rows.size(), backfilled, rejected, rows.size() - backfilled - rejected);
    }

    private Report.Callbacks callbacks(ReportFilter f, Map<UUID, IncidentFactRow> known) {
        Instant now = clock.instant();
        List<CustomerFactRow> promised = facts.customersCaptured(start(f), end(f)).stream()
                .filter(c -> c.callbackPromised() && counts(f, c.incidentId(), known)).toList();
        int overdue = (int) promised.stream().filter(c -> c.reachedAt() == null && c.callbackDueAt() != null
                && c.callbackDueAt().isBefore(now)).count();
        List<CallbackFactRow> attempts = facts.callbacksAttempted(start(f), end(f)).stream()
                .filter(c -> counts(f, c.incidentId(), known)).toList();
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        for (String outcome : List.of("reached", "no-answer", "busy", "wrong-number", "left-message")) {
            byOutcome.put(outcome, 0);
        }
        attempts.forEach(a -> byOutcome.merge(a.outcome(), 1, Integer::sum));
        return new Report.Callbacks(promised.size(), attempts.size(), byOutcome.getOrDefault("reached", 0), overdue,
                byOutcome.entrySet().stream().map(e -> new Report.Count(e.getKey(), e.getValue())).toList());
    }

    private static Report.Drills drills(List<IncidentFactRow> drills, Map<UUID, Checklist> checklists) {
        List<Report.Drill> list = drills.stream().map(i -> {
            int[] steps = new int[3];
            int[] timers = new int[3];
            Checklist c = checklists.get(i.id());
            if (c != null) {
                c.steps().forEach(st -> tally(steps, st.compliance()));
                c.timers().forEach(t -> tally(timers, t.compliance()));
            }
            return new Report.Drill(i.id(), i.kind(), i.site(), i.startedAt(),
                    i.acknowledgedAt() == null ? null : Duration.between(i.startedAt(), i.acknowledgedAt()).toSeconds(),
                    i.recoveredAt() == null ? null : Duration.between(i.startedAt(), i.recoveredAt()).toSeconds(),
                    steps[0], steps[1], steps[2], timers[0], timers[1], timers[2]);
        }).toList();
        return new Report.Drills(list.size(), times(drills), list);
    }

    private static void tally(int[] n, String compliance) {
        switch (compliance) {
            case "onTime" -> n[0]++;
            case "late" -> n[1]++;
            case "missed" -> n[2]++;
            default -> { }
        }
    }

    /** Labels for the report's words, in the reader's language (kinds, severities, outcomes). */
    public static String label(Messages messages, java.util.Locale locale, String group, String key) {
        if (NO_SITE.equals(key)) {
            return messages.get(locale, "report.noSite");
        }
        return switch (group) {
            case "kind" -> ALL.equals(key) ? messages.get(locale, "report.allKinds") : messages.get(locale, "kind." + key);
            case "severity" -> messages.get(locale, "severity." + key);
            default -> key;
        };
    }
}
