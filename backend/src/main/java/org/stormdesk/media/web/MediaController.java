package org.stormdesk.media.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.media.Designation;
import org.stormdesk.media.HoldingLines;
import org.stormdesk.media.Inquiry;
import org.stormdesk.media.MediaDesk;
import org.stormdesk.media.MediaKinds;
import org.stormdesk.media.Statement;
import org.stormdesk.media.internal.MediaEntries;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Media inquiries, the spokesperson and statements over HTTP (docs/api.md). Anyone signed in files an inquiry
 * and reads the holding lines; the register is for the manager, leadership, the spokesperson and administrators;
 * drafts are never for agents; designating and approving are for leadership alone.
 */
@Controller("/api/media")
@ExecuteOn(TaskExecutors.BLOCKING)
class MediaController {

    static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    private static final Map<String, String> ACTIONS = Map.of(
            "acknowledge", MediaKinds.INQUIRY_ACKNOWLEDGED,
            "refer", MediaKinds.INQUIRY_REFERRED,
            "answer", MediaKinds.INQUIRY_ANSWERED,
            "decline", MediaKinds.INQUIRY_DECLINED);

    private final MediaDesk desk;

    MediaController(MediaDesk desk) {
        this.desk = desk;
    }

    /** The register as JSON, or as CSV when asked with {@code Accept: text/csv}. */
    @Get("/inquiries")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Secured({"manager", "leadership", "spokesperson", "admin"})
    HttpResponse<?> register(HttpRequest<?> request) {
        boolean csv = request.accept().stream().anyMatch(t -> "text".equals(t.getType()) && "csv".equals(t.getSubtype()));
        return csv ? csv() : HttpResponse.ok(desk.register());
    }

    @Get("/inquiries.csv")
    @Produces("text/csv")
    @Secured({"manager", "leadership", "spokesperson", "admin"})
    HttpResponse<?> registerCsv() {
        return csv();
    }

    private HttpResponse<byte[]> csv() {
        return HttpResponse.ok(desk.csv().getBytes(StandardCharsets.UTF_8)).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"media-register.csv\"");
    }

    @Post("/inquiries")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Inquiry> file(@Body FileRequest body, Authentication authentication, HttpRequest<?> request) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(body.reminderShown())) {
            errors.add(new ProblemException.Field("reminderShown", "media.refused.reminder"));
        }
        required(errors, "outlet", body.outlet(), MediaEntries.MAX_FIELD);
        required(errors, "name", body.name(), MediaEntries.MAX_FIELD);
        required(errors, "position", body.position(), MediaEntries.MAX_FIELD);
        required(errors, "subject", body.subject(), MediaEntries.MAX_SUBJECT);
        required(errors, "contact", body.contact(), MediaEntries.MAX_FIELD);
        if (body.deadline() != null && body.deadline().length() > MediaEntries.MAX_DEADLINE) {
            errors.add(new ProblemException.Field("deadline", "field.tooLong", MediaEntries.MAX_DEADLINE));
        }
        if (body.language() != null && !MediaEntries.LANGUAGES.contains(body.language())) {
            errors.add(new ProblemException.Field("language", "media.refused.language"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("outlet", body.outlet().strip());
        payload.put("name", body.name().strip());
        payload.put("position", body.position().strip());
        payload.put("subject", body.subject().strip());
        payload.put("contact", body.contact().strip());
        if (body.deadline() != null && !body.deadline().isBlank()) {
            payload.put("deadline", body.deadline().strip());
        }
        if (body.language() != null) {
            payload.put("language", body.language());
        }
        payload.put("reminderShown", true);
        UUID clientId = body.clientId() == null ? UUID.randomUUID() : body.clientId();
        boolean known = body.clientId() != null && desk.exists(clientId);
        Inquiry inquiry = desk.file(Actor.of(authentication), clientId, payload, body.incident(), Messages.localeOf(request));
        return known ? HttpResponse.ok(inquiry) : HttpResponse.created(inquiry);
    }

    private static void required(List<ProblemException.Field> errors, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new ProblemException.Field(field, "field.required"));
        } else if (value.length() > max) {
            errors.add(new ProblemException.Field(field, "field.tooLong", max));
        }
    }

    @Get("/inquiries/{id}")
    @Secured({"manager", "leadership", "spokesperson", "admin"})
    Inquiry inquiry(@PathVariable UUID id) {
        return desk.inquiry(id);
    }

    /** acknowledge, refer, answer or decline. */
    @Post("/inquiries/{id}/{action}")
    @Secured({"manager", "leadership"})
    Inquiry act(@PathVariable UUID id, @PathVariable String action, @Body @Nullable ActionRequest body,
                Authentication authentication, HttpRequest<?> request) {
        String kind = ACTIONS.get(action);
        if (kind == null) {
            throw ProblemException.notFound("problem.notFound");
        }
        String note = body == null ? null : body.note();
        if (note != null && note.length() > MediaEntries.MAX_NOTE) {
            throw ProblemException.invalid("note", "field.tooLong", MediaEntries.MAX_NOTE);
        }
        return desk.act(Actor.of(authentication), id, kind, note, body == null ? null : body.clientId(),
                Messages.localeOf(request));
    }

    @Get("/holding-lines")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HoldingLines holdingLines(@QueryValue @Nullable String lang, HttpRequest<?> request) {
        Locale locale = lang == null ? null : Messages.supported(lang);
        return desk.holdingLines(locale == null ? Messages.localeOf(request) : locale);
    }

    @Get("/statements")
    @Secured({"manager", "spokesperson", "leadership", "admin"})
    List<Statement> statements() {
        return desk.statements();
    }

    @Post("/statements")
    @Secured({"manager", "spokesperson", "leadership"})
    HttpResponse<Statement> draft(@Body DraftRequest body, Authentication authentication, HttpRequest<?> request) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (body.audience() == null || !MediaEntries.AUDIENCES.contains(body.audience())) {
            errors.add(new ProblemException.Field("audience", "media.refused.audience"));
        }
        Map<String, String> text = MediaEntries.texts(body.text());
        if (text.isEmpty() || text.values().stream().anyMatch(t -> t.length() > MediaEntries.MAX_TEXT)) {
            errors.add(new ProblemException.Field("text", "media.refused.text", MediaEntries.MAX_TEXT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return HttpResponse.created(desk.draft(Actor.of(authentication), body.statement(), body.incident(), body.audience(),
                text, body.clientId(), Messages.localeOf(request)));
    }

    @Post("/statements/{id}/versions/{version}/review")
    @Secured({"leadership"})
    Statement review(@PathVariable UUID id, @PathVariable int version, @Body @Nullable ActionRequest body,
                     Authentication authentication, HttpRequest<?> request) {
        return desk.decide(Actor.of(authentication), id, version, false, body == null ? null : body.note(),
                body == null ? null : body.clientId(), Messages.localeOf(request));
    }

    @Post("/statements/{id}/versions/{version}/approve")
    @Secured({"leadership"})
    Statement approve(@PathVariable UUID id, @PathVariable int version, @Body @Nullable ActionRequest body,
                      Authentication authentication, HttpRequest<?> request) {
        return desk.decide(Actor.of(authentication), id, version, true, null, body == null ? null : body.clientId(),
                Messages.localeOf(request));
    }

    @Get("/spokespersons")
    @Secured({"manager", "leadership", "spokesperson", "admin"})
    List<Designation> designations() {
        return desk.designations();
    }

    @Post("/spokespersons")
    @Secured({"leadership"})
    HttpResponse<Designation> designate(@Body DesignateRequest body, Authentication authentication, HttpRequest<?> request) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (body.incident() == null) {
            errors.add(new ProblemException.Field("incident", "field.required"));
        }
        if (body.username() == null || body.username().isBlank()) {
            errors.add(new ProblemException.Field("username", "field.required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return HttpResponse.created(desk.designate(Actor.of(authentication), body.incident(), body.username().strip(),
                body.clientId(), Messages.localeOf(request)));
    }

    @Serdeable
    record FileRequest(@Nullable UUID clientId, @Nullable String outlet, @Nullable String name, @Nullable String position,
                       @Nullable String subject, @Nullable String contact, @Nullable String deadline,
                       @Nullable String language, @Nullable Boolean reminderShown, @Nullable UUID incident) {
    }

    @Serdeable
    record ActionRequest(@Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record DraftRequest(@Nullable UUID statement, @Nullable UUID incident, @Nullable String audience,
                        @Nullable Map<String, String> text, @Nullable UUID clientId) {
    }

    @Serdeable
    record DesignateRequest(@Nullable UUID incident, @Nullable String username, @Nullable UUID clientId) {
    }
}
