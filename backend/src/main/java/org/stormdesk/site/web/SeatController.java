package org.stormdesk.site.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import org.stormdesk.journal.PushResult;
import org.stormdesk.site.FloorDesk;
import org.stormdesk.site.FloorMap;
import org.stormdesk.site.FloorPlan;
import org.stormdesk.site.OpenFault;
import org.stormdesk.site.Placement;
import org.stormdesk.site.Seat;
import org.stormdesk.site.SeatHistory;
import org.stormdesk.site.SiteMap;
import org.stormdesk.site.SiteSummary;

import java.util.List;
import java.util.UUID;

/** Sites, floors, the live seat map, moves and fixes over HTTP (docs/api.md, "The floor"). */
@Controller("/api/site")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SeatController {

    private final SiteMap site;
    private final FloorDesk desk;

    SeatController(SiteMap site, FloorDesk desk) {
        this.site = site;
        this.desk = desk;
    }

    @Get("/seats")
    List<Seat> seats() {
        return site.seats();
    }

    @Get("/seats/{code}")
    SeatHistory seat(@PathVariable String code) {
        return site.history(code);
    }

    @Get("/sites")
    List<SiteSummary> sites() {
        return site.sites();
    }

    @Put("/sites/{code}")
    @Secured("admin")
    SiteSummary saveSite(@PathVariable String code, @Body SiteRequest body) {
        return desk.saveSite(code, body.name());
    }

    @Get("/floors/{site}/{floor}")
    FloorMap floor(@PathVariable("site") String siteCode, @PathVariable String floor) {
        return site.floor(siteCode, floor);
    }

    @Put("/floors/{site}/{floor}")
    @Secured("admin")
    FloorMap saveFloor(@PathVariable("site") String siteCode, @PathVariable String floor, @Body FloorPlan plan) {
        return desk.saveFloor(siteCode, floor, plan);
    }

    @Get("/me")
    Placement me(Authentication authentication) {
        return site.placement(authentication.getName());
    }

    @Get("/placements/{username}")
    @Secured({"supervisor", "manager", "admin"})
    Placement placement(@PathVariable String username) {
        return site.placement(username);
    }

    @Get("/proposal")
    @Secured({"supervisor", "manager", "admin"})
    Proposal proposal(@QueryValue String username) {
        Placement from = site.placement(username);
        return new Proposal(username, from.seat() != null ? from.seat() : from.homeSeat(), site.propose(username).orElse(null));
    }

    @Post("/moves")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<Moved> move(@Body MoveRequest body, Authentication authentication, HttpRequest<?> request) {
        if (body.username() == null || body.username().isBlank()) {
            throw ProblemException.invalid("username", "field.required");
        }
        boolean toSeat = body.seat() != null && !body.seat().isBlank();
        boolean toWork = body.work() != null && !body.work().isBlank();
        if (toSeat == toWork) {
            throw ProblemException.invalid("seat", "site.refused.seatOrWork");
        }
        if (toWork && body.work().length() > 200) {
            throw ProblemException.invalid("work", "field.tooLong", 200);
        }
        PushResult result = desk.move(Actor.of(authentication), body.username().strip(),
                toSeat ? body.seat().strip() : null, toWork ? body.work() : null, body.clientId(), Messages.localeOf(request));
        return answer(result, body.username().strip());
    }

    @Post("/seats/{code}/take")
    HttpResponse<Moved> take(@PathVariable String code, @Body @Nullable Action body, Authentication authentication,
                             HttpRequest<?> request) {
        PushResult result = desk.take(Actor.of(authentication), code, body == null ? null : body.clientId(),
                Messages.localeOf(request));
        return answer(result, authentication.getName());
    }

    @Post("/leave")
    HttpResponse<Moved> leave(@Body @Nullable Action body, Authentication authentication, HttpRequest<?> request) {
        PushResult result = desk.leave(Actor.of(authentication), body == null ? null : body.clientId(), Messages.localeOf(request));
        return answer(result, authentication.getName());
    }

    @Post("/seats/{code}/fixed")
    @Secured({"maintenance", "manager", "admin"})
    HttpResponse<SeatHistory> fixed(@PathVariable String code, @Body @Nullable FixRequest body, Authentication authentication,
                                    HttpRequest<?> request) {
        if (body != null && body.note() != null && body.note().length() > 500) {
            throw ProblemException.invalid("note", "field.tooLong", 500);
        }
        PushResult result = desk.fixed(Actor.of(authentication), code, body == null ? null : body.device(),
                body == null ? null : body.note(), body == null ? null : body.clientId(), Messages.localeOf(request));
        SeatHistory history = site.history(code);
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(history) : HttpResponse.ok(history);
    }

    @Get("/faults")
    @Secured({"maintenance", "supervisor", "manager", "admin"})
    List<OpenFault> faults() {
        return site.openFaults();
    }

    private HttpResponse<Moved> answer(PushResult result, String username) {
        Moved moved = new Moved(result.id(), result.seq() == null ? 0 : result.seq(), site.placement(username));
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(moved) : HttpResponse.ok(moved);
    }

    @Serdeable
    record SiteRequest(@Nullable String name) {
    }

    @Serdeable
    record MoveRequest(@Nullable String username, @Nullable String seat, @Nullable String work, @Nullable UUID clientId) {
    }

    @Serdeable
    record FixRequest(@Nullable String device, @Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record Action(@Nullable UUID clientId) {
    }

    @Serdeable
    record Moved(UUID id, long seq, Placement placement) {
    }

    @Serdeable
    record Proposal(String username, @Nullable String from, @Nullable Seat seat) {
    }
}
