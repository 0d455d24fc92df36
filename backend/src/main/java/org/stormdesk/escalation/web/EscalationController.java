package org.stormdesk.escalation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.escalation.Checklist;
import org.stormdesk.escalation.Escalations;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.PushResult;

import java.util.UUID;

/**
 * An incident's playbook at work over HTTP (docs/api.md). Reading is for everyone but agents; working a step
 * is for its role (or a manager or administrator), acknowledging for the escalation's audience (or a manager
 * or administrator), marking calls for supervisors, managers and administrators. Each action records an
 * entry through the journal, as a device would, and repeating a {@code clientId} changes nothing.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class EscalationController {

    static final int MAX_REASON = 500;

    private final Escalations escalations;

    EscalationController(Escalations escalations) {
        this.escalations = escalations;
    }

    @Get("/incidents/{id}/playbook")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "spokesperson", "admin"})
    Checklist checklist(@PathVariable UUID id, HttpRequest<?> request) {
        return escalations.checklist(id, Messages.localeOf(request));
    }

    /** Any role may own a step; whether this person may work this one is the step's to say (403 otherwise). */
    @Post("/incidents/{id}/steps/{step}/done")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Recorded> done(@PathVariable UUID id, @PathVariable String step, @Body @Nullable Action body,
                                Authentication authentication, HttpRequest<?> request) {
        return answer(escalations.stepDone(Actor.of(authentication), id, step, body == null ? null : body.clientId(),
                Messages.localeOf(request)));
    }

    @Post("/incidents/{id}/steps/{step}/skip")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Recorded> skip(@PathVariable UUID id, @PathVariable String step, @Body @Nullable SkipRequest body,
                                Authentication authentication, HttpRequest<?> request) {
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw ProblemException.invalid("reason", "field.required");
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "field.tooLong", MAX_REASON);
        }
        return answer(escalations.stepSkipped(Actor.of(authentication), id, step, reason, body.clientId(),
                Messages.localeOf(request)));
    }

    /** Anyone the escalation went to may acknowledge it (403 otherwise). */
    @Post("/escalations/{firing}/acknowledge")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Recorded> acknowledge(@PathVariable UUID firing, @Body @Nullable Action body,
                                       Authentication authentication, HttpRequest<?> request) {
        return answer(escalations.acknowledge(Actor.of(authentication), firing, body == null ? null : body.clientId(),
                Messages.localeOf(request)));
    }

    @Post("/incidents/{id}/calls/{contact}")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<Recorded> call(@PathVariable UUID id, @PathVariable String contact, @Body @Nullable CallRequest body,
                                Authentication authentication, HttpRequest<?> request) {
        if (body == null || body.reached() == null) {
            throw ProblemException.invalid("reached", "field.required");
        }
        if (body.note() != null && body.note().length() > MAX_REASON) {
            throw ProblemException.invalid("note", "field.tooLong", MAX_REASON);
        }
        return answer(escalations.markCall(Actor.of(authentication), id, contact, body.reached(), body.note(),
                body.clientId(), Messages.localeOf(request)));
    }

    private static HttpResponse<Recorded> answer(PushResult result) {
        Recorded recorded = new Recorded(result.id(), result.seq() == null ? 0 : result.seq(), result.status());
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(recorded) : HttpResponse.ok(recorded);
    }

    @Serdeable
    record Action(@Nullable UUID clientId) {
    }

    @Serdeable
    record SkipRequest(@Nullable String reason, @Nullable UUID clientId) {
    }

    @Serdeable
    record CallRequest(@Nullable Boolean reached, @Nullable String note, @Nullable UUID clientId) {
    }

    /** The entry the action was recorded as: stored now (201) or before (200, a repeated clientId). */
    @Serdeable
    record Recorded(UUID id, long seq, String status) {
    }
}
