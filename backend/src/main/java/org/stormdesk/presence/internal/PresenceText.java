package org.stormdesk.presence.internal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.Settings;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.presence.PresenceKinds;
import org.stormdesk.presence.db.RequestRepository;
import org.stormdesk.presence.db.RequestRow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the presence entries read in an incident's management log, in the reader's language. */
@Singleton
public class PresenceText implements EntryText {

    private final Messages messages;
    private final RequestRepository requests;
    private final ZoneId zone;

    public PresenceText(Messages messages, RequestRepository requests, Settings settings) {
        this.messages = messages;
        this.requests = requests;
        this.zone = ZoneId.of(settings.timeZone());
    }

    @Override
    public boolean handles(String kind) {
        return PresenceKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        String note = e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
        return switch (e.kind()) {
            case PresenceKinds.LEAVE_REQUESTED -> messages.get(locale, "log.presence.requested", e.actor(), e.text("reason"),
                    time(Instant.parse(e.text("expectedBackAt"))));
            case PresenceKinds.LEAVE_DECIDED -> {
                String who = PresenceEntries.uuid(e.text("request")).flatMap(requests::findById).map(RequestRow::username).orElse("");
                yield messages.get(locale, Boolean.TRUE.equals(e.payload().get("allowed")) ? "log.presence.allowed" : "log.presence.refused",
                        e.actor(), who, note);
            }
            case PresenceKinds.RETURNED -> messages.get(locale, "log.presence.returned", e.actor());
            case PresenceKinds.AWAY -> {
                String username = e.text("username") == null ? e.actor() : e.text("username");
                String key = "system".equals(e.actor()) ? "log.presence.silent"
                        : username.equals(e.actor()) ? "log.presence.away" : "log.presence.markedAway";
                yield messages.get(locale, key, username, e.actor(), note);
            }
            default -> e.kind();
        };
    }

    private String time(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }
}
