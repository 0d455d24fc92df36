package org.stormdesk.report.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.stormdesk.app.Messages;
import org.stormdesk.report.Report;
import org.stormdesk.report.ReportFilter;
import org.stormdesk.report.ReportTable;
import org.stormdesk.report.Reports;
import org.stormdesk.report.db.IncidentFactRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a report into its tables, and a table into CSV (UTF-8 with a BOM, for Excel) or an Excel workbook. */
@Singleton
public class ReportTables {

    private static final java.time.format.DateTimeFormatter CSV_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final Reports reports;

    public ReportTables(Messages messages, Reports reports) {
        this.messages = messages;
        this.reports = reports;
    }

    public ReportTable table(String name, ReportFilter filter, Report report, Locale locale) {
        return switch (name) {
            case "incidents" -> table(name, locale, List.of("started", "kind", "severity", "site", "drill", "ackMinutes",
                    "recoverMinutes", "incident"), reports.incidents(filter).stream().map(i -> row(
                    local(i.startedAt()), kind(i.kind(), locale), label("severity", i.severity(), locale),
                    i.site() == null ? messages.get(locale, "report.noSite") : i.site(),
                    messages.get(locale, i.drill() ? "report.yes" : "report.no"),
                    minutes(i.startedAt(), i.acknowledgedAt()), minutes(i.startedAt(), i.recoveredAt()),
                    i.id().toString())).toList());
            case "times" -> table(name, locale, List.of("kind", "incidents", "acknowledged", "recovered", "ackMedian",
                    "ackP90", "recoverMedian", "recoverP90"), report.times().stream().map(t -> row(kind(t.kind(), locale),
                    t.incidents(), t.acknowledged(), t.recovered(), minutes(t.ackMedian()), minutes(t.ackP90()),
                    minutes(t.recoverMedian()), minutes(t.recoverP90()))).toList());
            case "escalations" -> table(name, locale, List.of("clause", "fired", "inTime", "late", "unacknowledged"),
                    report.escalations().byClause().stream().map(e -> row(e.clause(), e.fired(), e.inTime(), e.late(),
                            e.unacknowledged())).toList());
            case "compliance" -> table(name, locale, List.of("clause", "stepsOnTime", "stepsLate", "stepsMissed",
                    "stepsSkipped", "timersOnTime", "timersLate", "timersMissed"), report.compliance().stream()
                    .map(c -> row(c.clause(), c.stepsOnTime(), c.stepsLate(), c.stepsMissed(), c.stepsSkipped(),
                            c.timersOnTime(), c.timersLate(), c.timersMissed())).toList());
            case "customers" -> table(name, locale, List.of("captured", "backfilled", "rejected", "awaiting"),
                    List.of(row(report.customers().captured(), report.customers().backfilled(),
                            report.customers().rejected(), report.customers().awaiting())));
            case "callbacks" -> {
                List<List<Object>> rows = new ArrayList<>();
                rows.add(row(messages.get(locale, "report.column.promised"), report.callbacks().promised()));
                rows.add(row(messages.get(locale, "report.column.attempts"), report.callbacks().attempts()));
                report.callbacks().byOutcome().forEach(c -> rows.add(row(
                        messages.get(locale, "report.outcome." + c.key()), c.count())));
                rows.add(row(messages.get(locale, "report.column.overdue"), report.callbacks().overdue()));
                yield table(name, locale, List.of("measure", "count"), rows);
            }
            case "drills" -> table(name, locale, List.of("started", "kind", "site", "ackMinutes", "recoverMinutes",
                    "stepsOnTime", "stepsLate", "stepsMissed", "timersOnTime", "timersLate", "timersMissed", "incident"),
                    report.drills().list().stream().map(d -> row(local(d.startedAt()), kind(d.kind(), locale),
                            d.site() == null ? messages.get(locale, "report.noSite") : d.site(),
                            minutes(d.ackSeconds()), minutes(d.recoverSeconds()), d.stepsOnTime(), d.stepsLate(),
                            d.stepsMissed(), d.timersOnTime(), d.timersLate(), d.timersMissed(),
                            d.incidentId().toString())).toList());
            default -> throw org.stormdesk.app.ProblemException.notFound("report.refused.table", name);
        };
    }

    private ReportTable table(String name, Locale locale, List<String> columns, List<List<Object>> rows) {
        return new ReportTable(name, messages.get(locale, "report.table." + name),
                columns.stream().map(c -> messages.get(locale, "report.column." + c)).toList(), rows);
    }

    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    private String kind(String kind, Locale locale) {
        return Reports.label(messages, locale, "kind", kind);
    }

    private String label(String group, String key, Locale locale) {
        return Reports.label(messages, locale, group, key);
    }

    private LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, reports.zone()).withNano(0);
    }

    /** Whole seconds as minutes, to a tenth. */
    static @Nullable Double minutes(@Nullable Long seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    private static @Nullable Double minutes(Instant from, @Nullable Instant to) {
        return to == null ? null : minutes(Duration.between(from, to).toSeconds());
    }

    public static byte[] csv(ReportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            w.write('\ufeff');
            csv.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(v -> v == null ? "" : v instanceof LocalDateTime t
                        ? CSV_TIME.format(t) : v.toString()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(ReportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Stormdesk", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.columns().size(); c++) {
                ws.value(0, c, table.columns().get(c));
                ws.style(0, c).bold().set();
                ws.width(c, 18);
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    switch (v) {
                        case null -> { }
                        case Number n -> ws.value(r, c, n);
                        case LocalDateTime t -> {
                            ws.value(r, c, t);
                            ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                        }
                        default -> ws.value(r, c, v.toString());
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Excel allows 31 characters and none of []:*?/\ in a sheet's name. */
    private static String sheetName(String title) {
        String s = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
