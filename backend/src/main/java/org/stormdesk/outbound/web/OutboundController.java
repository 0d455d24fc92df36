package org.stormdesk.outbound.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import org.stormdesk.outbound.OutboundDesk;
import org.stormdesk.outbound.OutboundKinds;
import org.stormdesk.outbound.OutboundTask;
import org.stormdesk.outbound.Reallocation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Outbound work over HTTP (docs/api.md): everyone signed in reads their own list and records their calls; team leads
 * import the day's plan; leads, managers, leadership and administrators read the plan and the proposed reallocation;
 * managers and administrators apply it.
 */
@Controller("/api/outbound")
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboundController {

    private final OutboundDesk desk;

    OutboundController(OutboundDesk desk) {
        this.desk = desk;
    }

    @Get("/mine")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<OutboundTask> mine(Authentication authentication) {
        return desk.mine(Actor.of(authentication));
    }

    @Get("/plan")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    OutboundDesk.Plan plan(@QueryValue @Nullable String day, Authentication authentication) {
        return desk.plan(day(day), Actor.of(authentication));
    }

    @Post("/plan/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured({"supervisor", "manager", "admin"})
    OutboundDesk.PlanImport importPlan(@Body String csv, @QueryValue @Nullable String day, Authentication authentication,
                                       HttpRequest<?> request) {
        return desk.importCsv(csv, day(day), Actor.of(authentication), Messages.localeOf(request));
    }

    @Get("/reallocation")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    Reallocation proposal() {
        return desk.proposal();
    }

    @Post("/reallocation")
    @Secured({"manager", "admin"})
    OutboundDesk.Applied apply(@Body ApplyBody body, Authentication authentication, HttpRequest<?> request) {
        if (body.basis() == null || body.basis().isBlank()) {
            throw ProblemException.invalid("basis", "field.required");
        }
        return desk.apply(Actor.of(authentication), body.basis(), body.incident(), Messages.localeOf(request));
    }

    @Get("/tasks/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OutboundTask get(@PathVariable UUID id, Authentication authentication) {
        return desk.get(id, Actor.of(authentication));
    }

    @Post("/tasks/{id}/attempts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OutboundTask attempt(@PathVariable UUID id, @Body AttemptBody body, Authentication authentication, HttpRequest<?> request) {
        if (body.outcome() == null || !OutboundKinds.OUTCOMES.contains(body.outcome())) {
            throw ProblemException.invalid("outcome", "outbound.refused.outcome");
        }
        return desk.attempt(Actor.of(authentication), id, body.outcome(), body.note(), body.clientId(), Messages.localeOf(request));
    }

    private static @Nullable LocalDate day(@Nullable String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "outbound.refused.day", day);
        }
    }

    @Serdeable
    record ApplyBody(@Nullable String basis, @Nullable UUID incident) {
    }

    @Serdeable
    record AttemptBody(@Nullable String outcome, @Nullable String note, @Nullable UUID clientId) {
    }
}
