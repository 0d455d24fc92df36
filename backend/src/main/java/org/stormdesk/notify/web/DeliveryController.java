package org.stormdesk.notify.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.stormdesk.notify.internal.Notices;

import java.util.List;
import java.util.UUID;

/** The notifications an incident caused, and how each went: the incident page's deliveries. */
@Controller("/api/incidents/{id}/deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveryController {

    private final Notices notices;

    DeliveryController(Notices notices) {
        this.notices = notices;
    }

    @Get
    @Secured({"supervisor", "manager", "leadership", "admin"})
    List<Notices.Delivery> deliveries(@PathVariable UUID id) {
        return notices.deliveries(id);
    }
}
