package org.stormdesk.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Notification settings ({@code stormdesk.notify.*}, each also an environment variable such as
 * {@code STORMDESK_NOTIFY_MAX_ATTEMPTS}); channels themselves are set by administrators in the app. See
 * docs/configuration.md.
 *
 * @param language     the language of a notice for a person who chose none (zh-CN, en, zh-TW)
 * @param linkSecret   signs acknowledgement links (32+ characters); derived from the session secret when unset,
 *                     or generated into the data dir
 * @param linkValidFor how long an acknowledgement link works
 * @param maxAttempts  attempts of one delivery before it is given up
 * @param timeout      the longest one attempt may take (connect and answer)
 * @param sweep        whether this node sends deliveries (a sweep every second)
 * @param inFlight     deliveries one channel may have in flight on one node, so that a slow channel holds back
 *                     only its own
 * @param pushHosts    the Web Push services a browser's subscription may point at ({@code *.} matches a domain's
 *                     hosts): the server posts to that address, so it is never left open
 * @param pushAllowHttp whether a subscription may use plain HTTP (only for a test push service)
 */
@ConfigurationProperties("stormdesk.notify")
public record NotifySettings(
        @Bindable(defaultValue = "zh-CN") String language,
        @Nullable String linkSecret,
        @Bindable(defaultValue = "24h") Duration linkValidFor,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration timeout,
        @Bindable(defaultValue = "true") boolean sweep,
        @Bindable(defaultValue = "16") int inFlight,
        @Bindable(defaultValue = "fcm.googleapis.com,*.googleapis.com,updates.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com")
        List<String> pushHosts,
        @Bindable(defaultValue = "false") boolean pushAllowHttp) {
}
