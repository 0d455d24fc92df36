package org.stormdesk.supplies.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.supplies.Readiness;
import org.stormdesk.supplies.Supplies;

import java.util.List;
import java.util.UUID;

/** Emergency supplies over HTTP (docs/api.md): anyone signed in reads readiness; admins set sizes and rules. */
@Controller("/api/supplies")
@ExecuteOn(TaskExecutors.BLOCKING)
class SuppliesController {

    private final Supplies supplies;

    SuppliesController(Supplies supplies) {
        this.supplies = supplies;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<Readiness> all() {
        return supplies.readiness();
    }

    @Get("/{site}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Readiness site(@PathVariable String site) {
        return supplies.readiness(site);
    }

    @Put("/{site}/seats")
    @Secured({"admin"})
    Readiness seats(@PathVariable String site, @Body SeatsRequest body, Authentication authentication) {
        return supplies.setSeats(Actor.of(authentication), site, body.seats());
    }

    @Put("/{site}/rules/{kind}")
    @Secured({"admin"})
    Readiness rule(@PathVariable String site, @PathVariable String kind, @Body RuleRequest body, Authentication authentication) {
        return supplies.setRule(Actor.of(authentication), site, kind, body.perSeats(), body.atLeast());
    }

    @Delete("/{site}/rules/{kind}")
    @Secured({"admin"})
    Readiness removeRule(@PathVariable String site, @PathVariable String kind) {
        return supplies.removeRule(site, kind);
    }

    @Post("/{site}/counts/{kind}")
    @Secured({"supervisor", "manager", "maintenance", "admin"})
    Readiness count(@PathVariable String site, @PathVariable String kind, @Body CountRequest body,
                    Authentication authentication, HttpRequest<?> request) {
        if (body.quantity() == null) {
            throw ProblemException.invalid("quantity", "field.required");
        }
        return supplies.count(Actor.of(authentication), "api", body.clientId(), site, kind, body.quantity(), body.note(),
                Messages.localeOf(request));
    }

    @Serdeable
    record SeatsRequest(@Nullable Integer seats) {
    }

    @Serdeable
    record RuleRequest(@Nullable Integer perSeats, @Nullable Integer atLeast) {
    }

    @Serdeable
    record CountRequest(@Nullable Integer quantity, @Nullable String note, @Nullable UUID clientId) {
    }
}
