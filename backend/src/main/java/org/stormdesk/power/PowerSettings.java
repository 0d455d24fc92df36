package org.stormdesk.power;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Power settings ({@code stormdesk.power.*}; docs/configuration.md).
 *
 * @param warnBefore when staff are warned before a planned outage unless its entry says otherwise: ISO-8601
 *                   durations, comma-separated (a day and an hour before)
 * @param bannerFor  how long an announcement stays on the banner
 * @param sweep      whether this node sends the warnings and starts the plans (a sweep every few seconds)
 */
@ConfigurationProperties("stormdesk.power")
public record PowerSettings(
        @Bindable(defaultValue = "P1D,PT1H") String warnBefore,
        @Bindable(defaultValue = "6h") Duration bannerFor,
        @Bindable(defaultValue = "true") boolean sweep) {
}
