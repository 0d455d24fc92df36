package org.stormdesk.roster.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.micronaut.security.rules.SecurityRule;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.roster.ImportResult;
import org.stormdesk.roster.NewShift;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The roster: everyone signed in reads who is on shift; supervisors, managers and admins keep it. */
@Controller("/api/roster")
@ExecuteOn(TaskExecutors.BLOCKING)
class RosterController {

    /** The longest window one listing may span. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    private final Roster roster;
    private final Clock clock;

    RosterController(Roster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    /** Who is on shift at {@code at} (default now), or whose shifts overlap {@code from}..{@code to}. */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<Shift> list(@QueryValue @Nullable Instant at, @QueryValue @Nullable Instant from,
                     @QueryValue @Nullable Instant to, @QueryValue @Nullable String site) {
        if (from != null || to != null) {
            if (from == null || to == null || !to.isAfter(from)) {
                throw ProblemException.invalid("to", "roster.window");
            }
            if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
                throw ProblemException.invalid("to", "roster.windowTooLong", LONGEST_WINDOW.toDays());
            }
            return roster.between(from, to, site);
        }
        Instant when = at == null ? clock.instant() : at;
        return site == null ? roster.onShift(when) : roster.onShift(when, site);
    }

    @Get("/sites")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<String> sites() {
        return roster.sites();
    }

    @Post("/shifts")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<Shift> add(@Body NewShift shift, Authentication who) {
        return HttpResponse.created(roster.add(shift, who.getName()));
    }

    @Delete("/shifts/{id}")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<Void> remove(@PathVariable String id) {
        if (!roster.remove(id)) {
            throw ProblemException.notFound("roster.notFound", id);
        }
        return HttpResponse.noContent();
    }

    @Post("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured({"supervisor", "manager", "admin"})
    ImportResult importCsv(@Body String csv, Authentication who, HttpRequest<?> request) {
        return roster.importCsv(csv, who.getName(), Messages.localeOf(request));
    }
}
