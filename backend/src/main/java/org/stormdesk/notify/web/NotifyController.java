package org.stormdesk.notify.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import org.stormdesk.notify.internal.ChannelBook;
import org.stormdesk.notify.internal.Notices;

import java.util.List;
import java.util.UUID;

/** Notification settings, a person's inbox and addresses, and test messages (docs/api.md, "Notifications"). */
@Controller("/api/notify")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotifyController {

    private final ChannelBook channels;
    private final Notices notices;

    NotifyController(ChannelBook channels, Notices notices) {
        this.channels = channels;
        this.notices = notices;
    }

    @Get("/channels")
    @Secured("admin")
    List<ChannelBook.View> channels() {
        return channels.all().stream().map(ChannelBook::view).toList();
    }

    @Put("/channels")
    @Secured("admin")
    List<ChannelBook.View> update(@Body List<ChannelBook.Update> body, Authentication authentication) {
        channels.update(body, authentication.getName());
        return channels();
    }

    @Post("/channels/{channel}/test")
    @Secured("admin")
    Notices.Trial test(@PathVariable String channel, @Body @Nullable TestRequest body, Authentication authentication,
                       HttpRequest<?> request) {
        return notices.trial(channel, body == null ? null : body.to(), Actor.of(authentication), Messages.localeOf(request));
    }

    @Get("/inbox")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Notices.Inbox inbox(Authentication authentication, HttpRequest<?> request) {
        return notices.inbox(authentication.getName(), Messages.localeOf(request));
    }

    @Post("/inbox/{id}/read")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Notices.Inbox read(@PathVariable UUID id, Authentication authentication, HttpRequest<?> request) {
        return notices.markRead(authentication.getName(), id, Messages.localeOf(request));
    }

    @Get("/people/{username}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Notices.Addresses addresses(@PathVariable String username, Authentication authentication) {
        selfOrAdmin(username, authentication);
        return notices.addresses(username);
    }

    @Put("/people/{username}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Notices.Addresses saveAddresses(@PathVariable String username, @Body Notices.Addresses body, Authentication authentication) {
        selfOrAdmin(username, authentication);
        return notices.saveAddresses(username, body);
    }

    private static void selfOrAdmin(String username, Authentication authentication) {
        if (!username.equals(authentication.getName()) && !authentication.getRoles().contains("admin")) {
            throw ProblemException.forbidden("problem.forbidden");
        }
    }

    @Serdeable
    record TestRequest(@Nullable String to) {
    }
}
