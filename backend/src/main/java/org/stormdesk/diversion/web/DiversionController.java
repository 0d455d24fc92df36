package org.stormdesk.diversion.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.stormdesk.diversion.Diversion;
import org.stormdesk.diversion.DiversionMessage;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.PushResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The diversion library and what is live (docs/api.md). Anyone signed in reads what is live (agents read the call
 * scripts; platforms poll with {@code If-None-Match}); managers and administrators keep the library and switch messages.
 */
@Controller("/api/diversion")
@ExecuteOn(TaskExecutors.BLOCKING)
class DiversionController {

    private final Diversion diversion;

    DiversionController(Diversion diversion) {
        this.diversion = diversion;
    }

    @Get("/active")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> active(@QueryValue @Nullable String channel, HttpRequest<?> request) {
        Diversion.Live live = diversion.live(channel == null ? "" : channel);
        String match = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (match != null && (match.equals(live.etag()) || match.equals("W/" + live.etag()))) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, live.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        return HttpResponse.ok(live).header(HttpHeaders.ETAG, live.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Get("/messages")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    List<DiversionMessage> library() {
        return diversion.library();
    }

    @Post("/messages")
    @Secured({"manager", "admin"})
    HttpResponse<DiversionMessage> add(@Body MessageBody body, Authentication authentication) {
        return HttpResponse.created(diversion.add(Actor.of(authentication), body.channel(), body.title(), body.texts(),
                Boolean.TRUE.equals(body.approved())));
    }

    @Serdeable
    record MessageBody(@Nullable String channel, @Nullable String title, @Nullable Map<String, String> texts,
                       @Nullable Boolean approved) {
    }

    @Post("/messages/{id}/approve")
    @Secured({"manager", "admin"})
    DiversionMessage approve(@PathVariable UUID id, Authentication authentication) {
        return diversion.approve(Actor.of(authentication), id);
    }

    @Post("/messages/{id}/activate")
    @Secured({"manager", "admin"})
    PushResult activate(@PathVariable UUID id, @Body SwitchBody body, Authentication authentication, HttpRequest<?> request) {
        return diversion.switchTo(Actor.of(authentication), id, body.incident(), true, body.clientId(), Messages.localeOf(request));
    }

    @Post("/messages/{id}/deactivate")
    @Secured({"manager", "admin"})
    PushResult deactivate(@PathVariable UUID id, @Body SwitchBody body, Authentication authentication, HttpRequest<?> request) {
        return diversion.switchTo(Actor.of(authentication), id, body.incident(), false, body.clientId(), Messages.localeOf(request));
    }

    @Serdeable
    record SwitchBody(@Nullable UUID incident, @Nullable UUID clientId) {
    }
}
