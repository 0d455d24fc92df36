package org.stormdesk.report.web;

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
import io.micronaut.http.annotation.Put;
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
import org.stormdesk.report.FollowUp;
import org.stormdesk.report.Review;
import org.stormdesk.report.ReviewPolicy;
import org.stormdesk.report.ReviewSummary;
import org.stormdesk.report.Reviews;
import org.stormdesk.report.Reports;
import org.stormdesk.report.internal.IncidentPdf;
import org.stormdesk.report.internal.ReviewEntries;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reviews of resolved incidents and their follow-up actions over HTTP (docs/api.md). A manager writes, leadership
 * approves, owners update their actions; the incident report comes as a PDF in the reader's language.
 */
@Controller("/api/reviews")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewController {

    private final Reviews reviews;
    private final Reports reports;
    private final IncidentPdf pdf;

    ReviewController(Reviews reviews, Reports reports, IncidentPdf pdf) {
        this.reviews = reviews;
        this.reports = reports;
        this.pdf = pdf;
    }

    @Get
    @Secured({"manager", "leadership", "supervisor", "admin"})
    List<ReviewSummary> list() {
        return reviews.list();
    }

    /** The reader's own actions, or with {@code all=true} everyone's (managers, leadership, administrators). */
    @Get("/actions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<FollowUp> actions(@QueryValue @Nullable Boolean all, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        if (Boolean.TRUE.equals(all)) {
            if (!ReviewPolicy.mayReadReports(actor)) {
                throw ProblemException.forbidden("report.review.refused.read");
            }
            return reviews.allActions();
        }
        return reviews.actionsOf(actor.username());
    }

    @Post("/actions/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    FollowUp updateAction(@PathVariable UUID id, @Body ActionRequest body, Authentication authentication,
                          HttpRequest<?> request) {
        if (body.state() == null || !ReviewPolicy.ACTION_STATES.contains(body.state())) {
            throw ProblemException.invalid("state", "report.review.refused.actionState");
        }
        if (body.note() != null && body.note().length() > ReviewEntries.MAX_NOTE) {
            throw ProblemException.invalid("note", "field.tooLong", ReviewEntries.MAX_NOTE);
        }
        return reviews.updateAction(Actor.of(authentication), id, body.state(), body.note(), body.clientId(),
                Messages.localeOf(request));
    }

    @Get("/{incident}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Review get(@PathVariable UUID incident, Authentication authentication, HttpRequest<?> request) {
        return reviews.get(incident, Actor.of(authentication), Messages.localeOf(request));
    }

    @Put("/{incident}")
    @Secured({"manager"})
    Review write(@PathVariable UUID incident, @Body WriteRequest body, Authentication authentication,
                 HttpRequest<?> request) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (body.whatHappened() == null || body.whatHappened().isBlank()) {
            errors.add(new ProblemException.Field("whatHappened", "report.review.refused.whatHappened"));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        text(errors, payload, "whatHappened", body.whatHappened());
        text(errors, payload, "impact", body.impact());
        text(errors, payload, "wentWell", body.wentWell());
        text(errors, payload, "toChange", body.toChange());
        List<Map<String, Object>> actions = new ArrayList<>();
        List<ActionInput> given = body.actions() == null ? List.of() : body.actions();
        if (given.size() > ReviewEntries.MAX_ACTIONS) {
            errors.add(new ProblemException.Field("actions", "report.review.refused.actions", ReviewEntries.MAX_ACTIONS,
                    ReviewEntries.MAX_ACTION));
        }
        for (int i = 0; i < given.size(); i++) {
            ActionInput a = given.get(i);
            if (a.text() == null || a.text().isBlank() || a.text().length() > ReviewEntries.MAX_ACTION) {
                errors.add(new ProblemException.Field("actions[" + i + "].text", "report.review.refused.actionText",
                        ReviewEntries.MAX_ACTION));
            }
            if (a.owner() == null || a.owner().isBlank()) {
                errors.add(new ProblemException.Field("actions[" + i + "].owner", "report.review.refused.actionOwner"));
            }
            LocalDate due = null;
            try {
                due = a.due() == null ? null : LocalDate.parse(a.due());
            } catch (DateTimeParseException e) {
                due = null;
            }
            if (due == null) {
                errors.add(new ProblemException.Field("actions[" + i + "].due", "report.review.refused.actionDue"));
            }
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("id", (a.id() == null ? UUID.randomUUID() : a.id()).toString());
            action.put("text", a.text() == null ? "" : a.text().strip());
            action.put("owner", a.owner() == null ? "" : a.owner().strip());
            action.put("due", String.valueOf(due));
            actions.add(action);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        payload.put("actions", actions);
        Locale locale = Messages.localeOf(request);
        Actor actor = Actor.of(authentication);
        reviews.write(actor, incident, body.clientId(), payload, locale);
        return reviews.get(incident, actor, locale);
    }

    @Post("/{incident}/approve")
    @Secured({"leadership"})
    Review approve(@PathVariable UUID incident, @Body @Nullable ApproveRequest body, Authentication authentication,
                   HttpRequest<?> request) {
        Locale locale = Messages.localeOf(request);
        Actor actor = Actor.of(authentication);
        reviews.approve(actor, incident, body == null ? null : body.clientId(), body == null ? null : body.version(), locale);
        return reviews.get(incident, actor, locale);
    }

    /** The incident report (facts, hash-chain check, review, timeline) as a PDF in the reader's language. */
    @Get("/{incident}/report.pdf")
    @Produces("application/pdf")
    @Secured({"manager", "leadership", "supervisor", "admin"})
    HttpResponse<byte[]> pdf(@PathVariable UUID incident, @QueryValue @Nullable String lang,
                             Authentication authentication, HttpRequest<?> request) {
        Locale locale = ReportController.locale(lang, request);
        Review review = reviews.get(incident, Actor.of(authentication), locale);
        byte[] bytes = pdf.render(review, reports.zone(), locale);
        return HttpResponse.ok(bytes).contentType(new MediaType("application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"incident-" + incident + ".pdf\"");
    }

    private static void text(List<ProblemException.Field> errors, Map<String, Object> payload, String field,
                             @Nullable String value) {
        if (value != null && value.length() > ReviewEntries.MAX_TEXT) {
            errors.add(new ProblemException.Field(field, "field.tooLong", ReviewEntries.MAX_TEXT));
        }
        payload.put(field, value == null ? "" : value.strip());
    }

    @Serdeable
    record ActionInput(@Nullable UUID id, @Nullable String text, @Nullable String owner, @Nullable String due) {
    }

    @Serdeable
    record WriteRequest(@Nullable UUID clientId, @Nullable String whatHappened, @Nullable String impact,
                        @Nullable String wentWell, @Nullable String toChange, @Nullable List<ActionInput> actions) {
    }

    @Serdeable
    record ApproveRequest(@Nullable UUID clientId, @Nullable Integer version) {
    }

    @Serdeable
    record ActionRequest(@Nullable String state, @Nullable String note, @Nullable UUID clientId) {
    }
}
