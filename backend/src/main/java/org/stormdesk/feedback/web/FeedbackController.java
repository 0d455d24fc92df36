package org.stormdesk.feedback.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.feedback.FeedbackDesk;
import org.stormdesk.feedback.Intake;
import org.stormdesk.feedback.Live;
import org.stormdesk.feedback.Problem;
import org.stormdesk.feedback.Rule;
import org.stormdesk.journal.Actor;

import java.util.List;
import java.util.UUID;

/**
 * Feedback over HTTP (docs/api.md). Contacts come in from integrations (an API token of a user with the admin,
 * manager or supervisor role); the live screen and the problems are for those who watch the floor; confirming and
 * dismissing for those who answer for the department; the routing rules for administrators. Agents flag "many
 * customers are saying this" through the journal ({@code feedback.flag.raised}), which works offline.
 */
@Controller("/api/feedback")
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedbackController {


    private final FeedbackDesk desk;

    FeedbackController(FeedbackDesk desk) {
        this.desk = desk;
    }

    @Post("/contacts")
    @Secured({"admin", "manager", "supervisor"})
    Intake contacts(@Body ContactsRequest body, HttpRequest<?> request) {
        if (body.contacts() == null) {
            throw ProblemException.invalid("contacts", "field.required");
        }
        return desk.take(body.contacts(), Messages.localeOf(request));
    }

    @Post("/contacts/import")
    @Consumes({"text/csv", "text/plain"})
    @Secured({"admin", "manager", "supervisor"})
    Intake importCsv(@Body String csv, HttpRequest<?> request) {
        return desk.importCsv(csv, Messages.localeOf(request));
    }

    @Get("/live")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "admin"})
    Live live(@QueryValue @Nullable Integer limit) {
        return desk.live(limit == null ? 12 : Math.clamp(limit, 1, 64));
    }

    @Get("/problems")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "admin"})
    List<Problem> problems(@QueryValue @Nullable String state) {
        return desk.problems(state);
    }

    @Get("/problems/{id}")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "admin"})
    Problem problem(@PathVariable UUID id) {
        return desk.problem(id);
    }

    @Post("/problems/{id}/confirm")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "admin"})
    Problem confirm(@PathVariable UUID id, @Body @Nullable AnswerRequest body, Authentication authentication,
                    HttpRequest<?> request) {
        return desk.confirm(Actor.of(authentication), id, body == null ? null : body.note(),
                body == null ? null : body.clientId(), Messages.localeOf(request));
    }

    @Post("/problems/{id}/dismiss")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "admin"})
    Problem dismiss(@PathVariable UUID id, @Body @Nullable AnswerRequest body, Authentication authentication,
                    HttpRequest<?> request) {
        return desk.dismiss(Actor.of(authentication), id, body == null ? null : body.reason(),
                body == null ? null : body.clientId(), Messages.localeOf(request));
    }

    @Get("/rules")
    @Secured({"admin", "manager"})
    List<Rule> rules() {
        return desk.rules();
    }

    @Post("/rules")
    @Secured({"admin"})
    HttpResponse<Rule> addRule(@Body RuleRequest body, Authentication authentication) {
        return HttpResponse.created(desk.addRule(Actor.of(authentication), body.position(), body.matchOn(), body.pattern(),
                body.department(), body.roles(), body.answerMinutes()));
    }

    @Delete("/rules/{id}")
    @Secured({"admin"})
    HttpResponse<?> deleteRule(@PathVariable UUID id) {
        desk.deleteRule(id);
        return HttpResponse.noContent();
    }

    @Serdeable
    record ContactsRequest(@Nullable List<Intake.Contact> contacts) {
    }

    @Serdeable
    record AnswerRequest(@Nullable String note, @Nullable String reason, @Nullable UUID clientId) {
    }

    @Serdeable
    record RuleRequest(@Nullable Integer position, @Nullable String matchOn, @Nullable String pattern,
                       @Nullable String department, @Nullable List<String> roles, @Nullable Integer answerMinutes) {
    }
}
