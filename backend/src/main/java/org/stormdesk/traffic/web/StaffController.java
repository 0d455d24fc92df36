package org.stormdesk.traffic.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.PushResult;
import org.stormdesk.traffic.Move;
import org.stormdesk.traffic.StaffDesk;

import java.util.List;
import java.util.UUID;

/** Pulling outbound and support staff onto the lines (S7.1, docs/api.md). */
@Controller("/api/traffic/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffController {

    private final StaffDesk staff;

    StaffController(StaffDesk staff) {
        this.staff = staff;
    }

    @Get("/proposal")
    @Secured({"supervisor", "manager", "admin"})
    StaffDesk.Proposal proposal(@QueryValue @Nullable String queue) {
        if (queue == null) {
            throw ProblemException.invalid("queue", "traffic.sample.queueMissing");
        }
        return staff.proposal(queue);
    }

    @Get("/moves")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    List<Move> moves(@QueryValue @Nullable Boolean all) {
        return Boolean.TRUE.equals(all) ? staff.recent() : staff.current();
    }

    @Post("/moves")
    @Secured({"manager", "admin"})
    List<PushResult> move(@Body MoveBody body, Authentication authentication, HttpRequest<?> request) {
        if (body.incident() == null) {
            throw ProblemException.invalid("incident", "incident.refused.noIncident");
        }
        return staff.move(Actor.of(authentication), body.incident(), body.queue(), body.usernames(), Messages.localeOf(request));
    }

    @Serdeable
    record MoveBody(@Nullable UUID incident, @Nullable String queue, @Nullable List<String> usernames) {
    }

    @Post("/return")
    @Secured({"manager", "admin"})
    List<PushResult> sendBack(@Body ReturnBody body, Authentication authentication, HttpRequest<?> request) {
        return staff.sendBack(Actor.of(authentication), body.incident(), body.usernames(), Messages.localeOf(request));
    }

    @Serdeable
    record ReturnBody(@Nullable UUID incident, @Nullable List<String> usernames) {
    }
}
