package org.stormdesk.journal.web;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PullPage;
import org.stormdesk.journal.PushResult;

import java.util.List;

/** The sync protocol (docs/sync-protocol.md): devices push what they queued and pull what changed. */
@Controller("/api/sync")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncController {

    private final Journal journal;

    SyncController(Journal journal) {
        this.journal = journal;
    }

    @Post("/push")
    PushResponse push(@Body PushRequest body, Authentication authentication, HttpRequest<?> request) {
        if (body.device() == null || body.device().isBlank()) {
            throw ProblemException.invalid("device", "field.required");
        }
        if (body.entries() == null) {
            throw ProblemException.invalid("entries", "field.required");
        }
        if (body.entries().size() > Journal.MAX_PUSH) {
            throw ProblemException.invalid("entries", "sync.tooMany", Journal.MAX_PUSH);
        }
        List<PushResult> results = journal.push(body.device(), Actor.of(authentication), body.entries(),
                Messages.localeOf(request));
        return new PushResponse(results);
    }

    @Get("/pull")
    PullPage pull(@QueryValue(defaultValue = "0") long after, @QueryValue(defaultValue = "200") int limit,
                  Authentication authentication) {
        if (after < 0) {
            throw ProblemException.invalid("after", "field.notNegative");
        }
        if (limit < 1 || limit > Journal.MAX_PULL) {
            throw ProblemException.invalid("limit", "field.range", 1, Journal.MAX_PULL);
        }
        return journal.pull(after, limit, Actor.of(authentication));
    }

    @Serdeable
    record PushRequest(@Nullable String device, @Nullable List<Entry> entries) {
    }

    @Serdeable
    record PushResponse(List<PushResult> results) {
    }
}
