package org.stormdesk.notify.internal;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.UUID;

/**
 * One message ready to leave on a channel: to whom (an address for personal channels), in which language, the
 * text in every language, and the links that go with it.
 *
 * @param delivery the outbox row it comes from (null for an administrator's test message)
 * @param ackUrl   the one-tap acknowledgement link, for a person notified of an escalation
 */
record Notice(@Nullable UUID delivery, String kind, @Nullable UUID incident, String recipient, @Nullable String address,
              String language, String subject, String text, Map<String, String> message, @Nullable String ackUrl,
              @Nullable String incidentUrl) {
}
