package org.stormdesk.report.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.report.AuditArchive;
import org.stormdesk.report.Report;
import org.stormdesk.report.ReportFilter;
import org.stormdesk.report.ReportTable;
import org.stormdesk.report.Reports;
import org.stormdesk.report.internal.ReportTables;

import java.util.Locale;

/** The reports, their tables as CSV and Excel, and the signed audit archive (docs/api.md). */
@Controller("/api/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"manager", "leadership", "admin"})
class ReportController {

    static final MediaType XLSX = new MediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;
    private final ReportTables tables;
    private final AuditArchive archive;

    ReportController(Reports reports, ReportTables tables, AuditArchive archive) {
        this.reports = reports;
        this.tables = tables;
        this.archive = archive;
    }

    @Get
    Report report(@QueryValue @Nullable String from, @QueryValue @Nullable String to, @QueryValue @Nullable String site,
                  @QueryValue @Nullable String kind, HttpRequest<?> request) {
        return reports.compute(reports.filter(from, to, site, kind), Messages.localeOf(request));
    }

    /** One table of the report: JSON, or {@code format=csv} / {@code format=xlsx} as a download. */
    @Get("/tables/{name}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    HttpResponse<?> table(@PathVariable String name, @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                          @QueryValue @Nullable String site, @QueryValue @Nullable String kind,
                          @QueryValue @Nullable String format, @QueryValue @Nullable String lang, HttpRequest<?> request) {
        if (!ReportTable.NAMES.contains(name)) {
            throw ProblemException.notFound("report.refused.table", name);
        }
        Locale locale = locale(lang, request);
        ReportFilter filter = reports.filter(from, to, site, kind);
        ReportTable table = tables.table(name, filter, reports.compute(filter, locale), locale);
        String file = "stormdesk-" + name + "-" + filter.from() + "-" + filter.to();
        return switch (format == null ? "json" : format) {
            case "csv" -> HttpResponse.ok(ReportTables.csv(table)).contentType(new MediaType("text/csv; charset=utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
            case "xlsx" -> HttpResponse.ok(ReportTables.xlsx(table)).contentType(XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"");
            case "json" -> HttpResponse.ok(table).contentType(MediaType.APPLICATION_JSON_TYPE);
            default -> throw ProblemException.invalid("format", "report.refused.format");
        };
    }

    /** The management log of the period as a signed zip (see {@link AuditArchive}). */
    @Get("/audit-archive")
    @Produces("application/zip")
    HttpResponse<byte[]> auditArchive(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                      Authentication authentication) {
        ReportFilter filter = reports.filter(from, to, null, null);
        byte[] zip = archive.archive(reports.start(filter), reports.end(filter), reports.zone().getId(),
                authentication.getName());
        return HttpResponse.ok(zip).contentType(new MediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"stormdesk-audit-" + filter.from() + "-"
                        + filter.to() + ".zip\"");
    }

    /** The public key archives are signed with, and its fingerprint (what the center hands its auditors). */
    @Get("/audit-key")
    AuditKey auditKey() {
        return new AuditKey("Ed25519", AuditArchive.fingerprint(archive.publicKey()), archive.publicKeyPem());
    }

    /** Checks an archive against this server's key (an auditor can do the same with OpenSSL alone). */
    @Post("/audit-archive/verify")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    AuditArchive.Verification verify(@Body byte[] zip) {
        return archive.verify(zip, archive.publicKey());
    }

    static Locale locale(@Nullable String lang, HttpRequest<?> request) {
        Locale chosen = lang == null ? null : Messages.supported(lang);
        return chosen != null ? chosen : Messages.localeOf(request);
    }

    @Serdeable
    record AuditKey(String algorithm, String fingerprint, String pem) {
    }
}
