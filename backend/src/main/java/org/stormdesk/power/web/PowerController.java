package org.stormdesk.power.web;

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
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.PushResult;
import org.stormdesk.power.Announcement;
import org.stormdesk.power.NewOutage;
import org.stormdesk.power.Outage;
import org.stormdesk.power.PowerDesk;
import org.stormdesk.power.internal.PowerEntries;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Announcements and planned outages over HTTP (docs/api.md, "Power"). */
@Controller("/api/power")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PowerController {

    private static final Set<String> LANGUAGES = Set.of("zh-CN", "en", "zh-TW");

    private final PowerDesk desk;

    PowerController(PowerDesk desk) {
        this.desk = desk;
    }

    @Get("/announcements")
    List<Announcement> announcements(HttpRequest<?> request) {
        return desk.announcements(Messages.localeOf(request));
    }

    @Post("/announcements")
    @Secured({"manager", "leadership", "admin"})
    HttpResponse<Announcement> announce(@Body AnnounceRequest body, Authentication authentication, HttpRequest<?> request) {
        if (body.text() == null || body.text().isBlank()) {
            throw ProblemException.invalid("text", "field.required");
        }
        if (body.text().strip().length() > PowerEntries.MAX_TEXT) {
            throw ProblemException.invalid("text", "field.tooLong", PowerEntries.MAX_TEXT);
        }
        if (body.language() != null && !LANGUAGES.contains(body.language())) {
            throw ProblemException.invalid("language", "power.refused.language");
        }
        return HttpResponse.created(desk.announce(Actor.of(authentication), body.text(), body.language(), body.site(),
                body.clientId(), Messages.localeOf(request)));
    }

    @Get("/outages")
    List<Outage> outages() {
        return desk.outages();
    }

    @Get("/outages/{id}")
    Outage outage(@PathVariable UUID id) {
        return desk.outage(id);
    }

    @Post("/outages")
    @Secured({"manager", "admin"})
    HttpResponse<Outage> plan(@Body NewOutage body, Authentication authentication) {
        return HttpResponse.created(desk.plan(Actor.of(authentication), body));
    }

    @Post("/outages/{id}/cancel")
    @Secured({"manager", "admin"})
    Outage cancel(@PathVariable UUID id, Authentication authentication) {
        return desk.cancel(Actor.of(authentication), id);
    }

    @Post("/outages/{id}/items/{item}/done")
    @Secured({"supervisor", "manager", "maintenance", "admin"})
    HttpResponse<Outage> itemDone(@PathVariable UUID id, @PathVariable UUID item, @Body @Nullable Action body,
                                  Authentication authentication, HttpRequest<?> request) {
        PushResult result = desk.itemDone(Actor.of(authentication), id, item, body == null ? null : body.clientId(),
                Messages.localeOf(request));
        Outage outage = desk.outage(id);
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(outage) : HttpResponse.ok(outage);
    }

    @Serdeable
    record AnnounceRequest(@Nullable String text, @Nullable String language, @Nullable String site,
                           @Nullable UUID clientId) {
    }

    @Serdeable
    record Action(@Nullable UUID clientId) {
    }
}
