package org.stormdesk.notify.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.Settings;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.notify.NoticeKinds;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** How the notice entries read in an incident's management log: who was notified, on what, and how it went. */
@Singleton
class NoticeLog implements EntryText {

    private final Messages messages;
    private final ZoneId zone;

    NoticeLog(Messages messages, Settings settings) {
        this.messages = messages;
        this.zone = ZoneId.of(settings.timeZone());
    }

    @Override
    public boolean handles(String kind) {
        return NoticeHandler.KINDS.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        String channel = messages.get(locale, "notify.channel." + e.text("channel"));
        String recipient = recipient(e.text("recipient"), locale);
        Object attempt = e.payload().getOrDefault("attempt", 1);
        return switch (e.kind()) {
            case NoticeKinds.NOTICE_REQUESTED -> messages.get(locale, "log.noticeRequested", e.actor(),
                    e.payload().get("audience") instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : "",
                    NoticeText.pick(NoticeProjection.message(e.payload().get("message")), NoticeText.tag(locale)));
            case NoticeKinds.NOTICE_DELIVERED -> messages.get(locale, "log.noticeDelivered", channel, recipient);
            case NoticeKinds.NOTICE_FAILED -> messages.get(locale, "log.noticeFailed", channel, recipient, attempt,
                    e.text("error"), time(e.text("retryAt"), locale));
            case NoticeKinds.NOTICE_GIVEN_UP -> messages.get(locale, "log.noticeGivenUp", channel, recipient, attempt,
                    e.text("error"));
            default -> e.kind();
        };
    }

    private String recipient(String recipient, Locale locale) {
        if (recipient == null || "group".equals(recipient)) {
            return messages.get(locale, "notify.group");
        }
        int colon = recipient.indexOf(':');
        return colon < 0 ? recipient : recipient.substring(colon + 1);
    }

    private String time(String instant, Locale locale) {
        try {
            return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm:ss", locale).withZone(zone).format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
