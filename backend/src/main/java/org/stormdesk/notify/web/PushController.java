package org.stormdesk.notify.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import org.stormdesk.journal.Actor;
import org.stormdesk.notify.internal.Notices;
import org.stormdesk.notify.internal.PushDevices;

import java.util.List;

/** Web Push: the server's key for browsers, and each person's own devices (docs/api.md, "Notifications"). */
@Controller("/api/notify/push")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PushController {

    private final PushDevices devices;
    private final Notices notices;

    PushController(PushDevices devices, Notices notices) {
        this.devices = devices;
        this.notices = notices;
    }

    @Get("/key")
    Key key() {
        return new Key(devices.publicKey());
    }

    @Get("/subscriptions")
    List<PushDevices.Device> mine(Authentication who) {
        return devices.of(who.getName());
    }

    /** The browser's PushSubscription as its toJSON() gives it. */
    @Post("/subscriptions")
    HttpResponse<PushDevices.Device> subscribe(@Body Subscription body, Authentication who, HttpRequest<?> request) {
        PushDevices.Device device = devices.subscribe(who.getName(), body.endpoint(),
                body.keys() == null ? null : body.keys().p256dh(), body.keys() == null ? null : body.keys().auth(),
                request.getHeaders().get(HttpHeaders.USER_AGENT));
        return HttpResponse.created(device);
    }

    @Delete("/subscriptions/{id}")
    HttpResponse<Void> forget(@PathVariable String id, Authentication who) {
        if (!devices.forget(who.getName(), id)) {
            throw ProblemException.notFound("notify.push.unknown");
        }
        return HttpResponse.noContent();
    }

    /** Sends a test notice to the signed-in person's own devices now. */
    @Post("/test")
    Notices.Trial test(Authentication who, HttpRequest<?> request) {
        return notices.trial("push", who.getName(), Actor.of(who), Messages.localeOf(request));
    }

    @Serdeable
    record Key(String publicKey) {
    }

    @Serdeable
    record Subscription(@Nullable String endpoint, @Nullable Keys keys) {
    }

    @Serdeable
    record Keys(@Nullable String p256dh, @Nullable String auth) {
    }
}
