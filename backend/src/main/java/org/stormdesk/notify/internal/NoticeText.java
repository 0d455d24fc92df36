package org.stormdesk.notify.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.Settings;
import org.stormdesk.notify.Channel;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.notify.NotifySettings;
import org.stormdesk.notify.db.DeliveryRow;
import org.stormdesk.notify.db.PersonRepository;
import org.stormdesk.notify.db.PersonRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Words of a notice: the message in the recipient's language (falling back to another language the entry
 * carries), the acknowledgement link for a person notified of an escalation, and the incident's address.
 */
@Singleton
public class NoticeText {

    /** The language tags a message carries, in the order tried when the wanted one is missing. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en", "zh-TW");

    private final Messages messages;
    private final JsonMapper json;
    private final NotifySettings notify;
    private final Settings settings;
    private final PersonRepository people;
    private final AckTokens tokens;
    private final Clock clock;

    NoticeText(Messages messages, JsonMapper json, NotifySettings notify, Settings settings, PersonRepository people,
               AckTokens tokens, Clock clock) {
        this.messages = messages;
        this.json = json;
        this.notify = notify;
        this.settings = settings;
        this.people = people;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The message ready to send for an outbox row. */
    Notice of(DeliveryRow row) {
        String username = row.recipient().startsWith("user:") ? row.recipient().substring(5) : null;
        String language = notify.language();
        if (username != null) {
            language = people.findById(username).map(PersonRow::language).filter(LANGUAGES::contains).orElse(language);
        }
        String ackUrl = null;
        if (username != null && NoticeKinds.ESCALATION_FIRED.equals(row.entryKind())
                && !Channel.APP.wire().equals(row.channel())) {
            ackUrl = ackUrl(row.entryId(), username);
        }
        Map<String, String> message = read(row.message());
        return compose(row.id(), row.entryKind(), row.incidentId(), row.recipient(), row.address(), language, message, ackUrl);
    }

    Notice compose(@Nullable UUID delivery, String kind, @Nullable UUID incident, String recipient, @Nullable String address,
                   String language, Map<String, String> message, @Nullable String ackUrl) {
        Locale locale = locale(language);
        String incidentUrl = incident == null ? null : publicUrl() + "/#/incident/" + incident;
        StringBuilder text = new StringBuilder(pick(message, language));
        if (ackUrl != null) {
            text.append('\n').append(messages.get(locale, "notify.text.ack", ackUrl));
        }
        if (incidentUrl != null) {
            text.append('\n').append(messages.get(locale, "notify.text.incident", incidentUrl));
        }
        String first = pick(message, language).lines().findFirst().orElse("");
        String subject = messages.get(locale, "notify.subject", first.length() > 80 ? first.substring(0, 80) + "…" : first);
        return new Notice(delivery, kind, incident, recipient, address, language, subject, text.toString(), message,
                ackUrl, incidentUrl);
    }

    public String ackUrl(UUID firing, String username) {
        return publicUrl() + "/api/notify/ack/" + tokens.issue(firing, username, clock.instant());
    }

    /** The text in the wanted language, or else in the first language the message has. */
    public static String pick(Map<String, String> message, String language) {
        String wanted = message.get(language);
        if (wanted != null && !wanted.isBlank()) {
            return wanted;
        }
        for (String l : LANGUAGES) {
            String s = message.get(l);
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }

    public static String tag(Locale locale) {
        return locale.equals(Messages.EN) ? "en" : locale.equals(Messages.ZH_TW) ? "zh-TW" : "zh-CN";
    }

    static Locale locale(String tag) {
        Locale l = Messages.supported(tag);
        return l == null ? Messages.ZH_CN : l;
    }

    String publicUrl() {
        String url = settings.publicUrl();
        if (url == null || url.isBlank()) {
            return "http://localhost:8080";
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Map<String, String> read(String message) {
        try {
            Map<String, Object> map = json.readValue(message, Argument.mapOf(String.class, Object.class));
            Map<String, String> out = new LinkedHashMap<>();
            if (map != null) {
                map.forEach((k, v) -> {
                    if (v != null) {
                        out.put(k, v.toString());
                    }
                });
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Map<String, String> message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
