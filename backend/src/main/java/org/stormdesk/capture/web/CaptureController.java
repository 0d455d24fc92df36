package org.stormdesk.capture.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.capture.CaptureCounts;
import org.stormdesk.capture.CaptureDesk;
import org.stormdesk.capture.CaptureSettings;
import org.stormdesk.capture.ImportResult;
import org.stormdesk.capture.Purge;
import org.stormdesk.capture.internal.CaptureFiles;
import org.stormdesk.capture.CaptureRules;
import org.stormdesk.capture.CapturedRecord;
import org.stormdesk.capture.RecordState;
import org.stormdesk.capture.RecordView;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.PushResult;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Captured customers over HTTP (docs/api.md). Capturing itself is a journal entry pushed through
 * {@code /api/sync/push}; here are the lists (masked as {@code CapturePolicy} says), one full record (audited),
 * the counts, and the back-fill.
 */
@Controller("/api/capture")
@ExecuteOn(TaskExecutors.BLOCKING)
class CaptureController {

    static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    static final MediaType XLSX = new MediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int MAX_IMPORT_ROWS = 100_000;

    private final CaptureDesk desk;

    CaptureController(CaptureDesk desk) {
        this.desk = desk;
    }

    @Get("/records")
    @Secured({"agent", "supervisor", "manager", "admin"})
    List<CapturedRecord> records(@QueryValue @Nullable UUID incident, @QueryValue @Nullable String state,
                                 @QueryValue @Nullable Integer limit, Authentication authentication) {
        RecordState s = null;
        if (state != null) {
            s = RecordState.parse(state).orElseThrow(() -> ProblemException.invalid("state", "capture.field.state"));
        }
        return desk.records(Actor.of(authentication), incident, s, limit == null ? 200 : limit);
    }

    @Get("/records/{id}")
    @Secured({"agent", "supervisor", "manager", "admin"})
    CapturedRecord record(@PathVariable UUID id, Authentication authentication) {
        return desk.open(Actor.of(authentication), id);
    }

    @Get("/counts")
    @Secured({"agent", "supervisor", "manager", "leadership", "maintenance", "spokesperson", "admin"})
    CaptureCounts counts(@QueryValue @Nullable UUID incident) {
        return desk.counts(incident);
    }

    @Post("/records/{id}/backfill")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<PushResult> backfill(@PathVariable UUID id, @Body BackfillRequest body, Authentication authentication,
                                      HttpRequest<?> request) {
        String reference = body.crmReference() == null ? null : body.crmReference().strip();
        if (reference == null || reference.isEmpty()) {
            throw ProblemException.invalid("crmReference", "field.required");
        }
        if (reference.length() > CaptureRules.MAX_REFERENCE) {
            throw ProblemException.invalid("crmReference", "field.tooLong", CaptureRules.MAX_REFERENCE);
        }
        PushResult result = desk.backfilled(Actor.of(authentication), id, reference, body.clientId(), Messages.localeOf(request));
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(result) : HttpResponse.ok(result);
    }

    @Post("/records/{id}/reject")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<PushResult> reject(@PathVariable UUID id, @Body RejectRequest body, Authentication authentication,
                                    HttpRequest<?> request) {
        String reason = body.reason() == null ? null : body.reason().strip();
        if (reason == null || reason.isEmpty()) {
            throw ProblemException.invalid("reason", "field.required");
        }
        if (reason.length() > CaptureRules.MAX_REASON) {
            throw ProblemException.invalid("reason", "field.tooLong", CaptureRules.MAX_REASON);
        }
        PushResult result = desk.rejected(Actor.of(authentication), id, reason, body.clientId(), Messages.localeOf(request));
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(result) : HttpResponse.ok(result);
    }

    /** The back-fill work queue: outstanding records, oldest first, numbers masked (open one to see it in full). */
    @Get("/outstanding")
    @Secured({"supervisor", "manager", "admin"})
    List<CapturedRecord> outstanding(@QueryValue @Nullable UUID incident, @QueryValue @Nullable Integer limit) {
        return desk.outstanding(incident, limit == null ? 500 : limit);
    }

    /** Outstanding records in full for the CRM team, as CSV (each one's view is audited). */
    @Get("/outstanding.csv")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<byte[]> outstandingCsv(@QueryValue @Nullable UUID incident, Authentication authentication) {
        return HttpResponse.ok(CaptureFiles.csv(desk.exportOutstanding(Actor.of(authentication), incident)))
                .contentType(CSV).header("Content-Disposition", "attachment; filename=\"captured-outstanding.csv\"");
    }

    /** ... or as an Excel workbook. */
    @Get("/outstanding.xlsx")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<byte[]> outstandingXlsx(@QueryValue @Nullable UUID incident, Authentication authentication) {
        return HttpResponse.ok(CaptureFiles.xlsx(desk.exportOutstanding(Actor.of(authentication), incident)))
                .contentType(XLSX).header("Content-Disposition", "attachment; filename=\"captured-outstanding.xlsx\"");
    }

    /** CRM references (or rejections) back in: the exported file with crm_reference or reject_reason filled in. */
    @Post(value = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Secured({"supervisor", "manager", "admin"})
    ImportResult importReferences(@Body byte[] body, Authentication authentication, HttpRequest<?> request) {
        List<CaptureFiles.ImportLine> lines;
        try {
            lines = CaptureFiles.read(body);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "capture.import.unreadable");
        }
        if (lines.size() > MAX_IMPORT_ROWS) {
            throw ProblemException.invalid("file", "capture.import.tooMany", String.valueOf(MAX_IMPORT_ROWS));
        }
        return desk.importReferences(Actor.of(authentication), lines, Messages.localeOf(request));
    }

    @Get("/settings")
    @Secured({"admin"})
    CaptureSettings settings() {
        return desk.settings();
    }

    @Put("/settings")
    @Secured({"admin"})
    CaptureSettings saveSettings(@Body SettingsRequest body, Authentication authentication) {
        List<ProblemException.Field> errors = new ArrayList<>();
        String url = body.webhookUrl() == null ? null : body.webhookUrl().strip();
        if (url != null && !url.isEmpty()) {
            try {
                URI uri = URI.create(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || url.length() > 500) {
                    errors.add(new ProblemException.Field("webhookUrl", "capture.field.webhookUrl"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.Field("webhookUrl", "capture.field.webhookUrl"));
            }
        }
        if (body.webhookSecret() != null && body.webhookSecret().length() > 200) {
            errors.add(new ProblemException.Field("webhookSecret", "field.tooLong", "200"));
        }
        int days = body.retentionDays() == null ? CaptureSettings.DEFAULT_RETENTION_DAYS : body.retentionDays();
        if (days < CaptureSettings.MIN_RETENTION_DAYS || days > CaptureSettings.MAX_RETENTION_DAYS) {
            errors.add(new ProblemException.Field("retentionDays", "field.range", String.valueOf(CaptureSettings.MIN_RETENTION_DAYS),
                    String.valueOf(CaptureSettings.MAX_RETENTION_DAYS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return desk.saveSettings(Actor.of(authentication), url, body.webhookSecret(), days);
    }

    /** Purges the records past the retention period now (it also runs every hour by itself). */
    @Post("/purge")
    @Secured({"admin"})
    Map<String, Object> purge(Authentication authentication) {
        return Map.of("purged", desk.purgeNow(Actor.of(authentication)));
    }

    @Get("/purges")
    @Secured({"admin"})
    List<Purge> purges(@QueryValue @Nullable Integer limit) {
        return desk.purges(limit == null ? 100 : limit);
    }

    /** The audit of full views (administrators). */
    @Get("/views")
    @Secured({"admin"})
    List<RecordView> views(@QueryValue @Nullable UUID record, @QueryValue @Nullable Integer limit) {
        return desk.views(record, limit == null ? 500 : limit);
    }

    @Serdeable
    record BackfillRequest(@Nullable String crmReference, @Nullable UUID clientId) {
    }

    @Serdeable
    record SettingsRequest(@Nullable String webhookUrl, @Nullable String webhookSecret, @Nullable Integer retentionDays) {
    }

    @Serdeable
    record RejectRequest(@Nullable String reason, @Nullable UUID clientId) {
    }
}
