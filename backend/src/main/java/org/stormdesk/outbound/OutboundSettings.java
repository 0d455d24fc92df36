package org.stormdesk.outbound;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Outbound settings ({@code stormdesk.outbound.*}; docs/configuration.md).
 *
 * @param callsPerHour how many planned calls an outbound agent works in an hour: an agent's capacity is this times the
 *                     hours on their outbound shifts until the last open call is due
 * @param maxAttempts  the most calls to one customer before the task closes unreached
 */
@ConfigurationProperties("stormdesk.outbound")
public record OutboundSettings(
        @Bindable(defaultValue = "8") int callsPerHour,
        @Bindable(defaultValue = "3") int maxAttempts) {

    public OutboundSettings {
        callsPerHour = Math.max(1, callsPerHour);
        maxAttempts = Math.max(1, maxAttempts);
    }
}
