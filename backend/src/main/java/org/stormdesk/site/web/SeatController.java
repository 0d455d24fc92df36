package org.stormdesk.site.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.stormdesk.site.Seat;
import org.stormdesk.site.SiteMap;

import java.util.List;

@Controller("/api/site")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SeatController {

    private final SiteMap site;

    SeatController(SiteMap site) {
        this.site = site;
    }

    @Get("/seats")
    List<Seat> seats() {
        return site.seats();
    }
}
