package org.stormdesk.callback.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
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
import org.stormdesk.callback.CallbackCounts;
import org.stormdesk.callback.CallbackDesk;
import org.stormdesk.callback.CallbackKinds;
import org.stormdesk.callback.CallbackTask;
import org.stormdesk.journal.Actor;

import java.util.List;
import java.util.UUID;

/**
 * Callbacks over HTTP (docs/api.md): everyone signed in reads their own; team leads, managers, leadership and
 * administrators read them all with the figures; the owner or a lead records attempts; leads reassign.
 */
@Controller("/api/callbacks")
@ExecuteOn(TaskExecutors.BLOCKING)
class CallbackController {

    private final CallbackDesk desk;

    CallbackController(CallbackDesk desk) {
        this.desk = desk;
    }

    @Get("/mine")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<CallbackTask> mine(Authentication authentication) {
        return desk.mine(Actor.of(authentication));
    }

    @Get
    @Secured({"supervisor", "manager", "leadership", "admin"})
    List<CallbackTask> all(@QueryValue @Nullable UUID incident, Authentication authentication) {
        return desk.all(incident, Actor.of(authentication));
    }

    @Get("/counts")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    CallbackCounts counts(@QueryValue @Nullable UUID incident) {
        return desk.counts(incident);
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CallbackTask get(@PathVariable UUID id, Authentication authentication) {
        return desk.get(id, Actor.of(authentication));
    }

    @Post("/{id}/attempts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CallbackTask attempt(@PathVariable UUID id, @Body AttemptBody body, Authentication authentication, HttpRequest<?> request) {
        if (body.outcome() == null || !CallbackKinds.OUTCOMES.contains(body.outcome())) {
            throw ProblemException.invalid("outcome", "callback.refused.outcome");
        }
        return desk.attempt(Actor.of(authentication), id, body.outcome(), body.note(), body.clientId(), Messages.localeOf(request));
    }

    @Post("/{id}/reassign")
    @Secured({"supervisor", "manager", "admin"})
    CallbackTask reassign(@PathVariable UUID id, @Body ReassignBody body, Authentication authentication, HttpRequest<?> request) {
        if (body.to() == null || body.to().isBlank()) {
            throw ProblemException.invalid("to", "field.required");
        }
        return desk.reassign(Actor.of(authentication), id, body.to().strip(), body.clientId(), Messages.localeOf(request));
    }

    @Serdeable
    record AttemptBody(@Nullable String outcome, @Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record ReassignBody(@Nullable String to, @Nullable UUID clientId) {
    }
}
