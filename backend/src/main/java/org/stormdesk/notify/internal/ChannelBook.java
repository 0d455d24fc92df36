package org.stormdesk.notify.internal;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.notify.Channel;
import org.stormdesk.notify.db.ChannelRepository;
import org.stormdesk.notify.db.ChannelRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The channels' settings as administrators keep them: which fields each channel takes, which of them are
 * secrets (stored, used, never answered), and what makes them valid. Without a row, the in-app channel is on
 * and every other channel is off.
 */
@Singleton
public class ChannelBook {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<Channel, Set<String>> FIELDS = new EnumMap<>(Map.of(
            Channel.APP, Set.of(),
            Channel.PUSH, Set.of("subject"),
            Channel.EMAIL, Set.of("host", "port", "from", "username", "password", "starttls", "ssl"),
            Channel.SMS, Set.of("url", "body", "authorization"),
            Channel.WEBHOOK, Set.of("url", "secret"),
            Channel.DINGTALK, Set.of("url", "secret"),
            Channel.WECOM, Set.of("url"),
            Channel.FEISHU, Set.of("url", "secret"),
            Channel.SLACK, Set.of("url")));
    static final Set<String> SECRETS = Set.of("password", "secret", "authorization");

    private final ChannelRepository rows;
    private final JsonMapper json;
    private final Clock clock;

    ChannelBook(ChannelRepository rows, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    /** A channel's settings as the sender uses them, secrets included. */
    public Config config(Channel channel) {
        return rows.findById(channel.wire())
                .map(r -> new Config(channel, r.enabled(), read(r.settings())))
                .orElseGet(() -> new Config(channel, channel == Channel.APP || channel == Channel.PUSH, Map.of()));
    }

    public List<Config> all() {
        List<Config> all = new ArrayList<>();
        for (Channel c : Channel.values()) {
            all.add(config(c));
        }
        return all;
    }

    /** What an administrator reads: the settings without the secrets, and which secrets are set. */
    public static View view(Config config) {
        Map<String, Object> shown = new TreeMap<>();
        Map<String, Boolean> secrets = new TreeMap<>();
        for (String field : FIELDS.get(config.channel())) {
            if (SECRETS.contains(field)) {
                secrets.put(field, config.text(field) != null);
            } else if (config.settings().containsKey(field)) {
                shown.put(field, config.settings().get(field));
            }
        }
        return new View(config.channel().wire(), config.enabled(), config.channel().group(), shown, secrets);
    }

    /**
     * Saves what an administrator sent for some channels, all or nothing. A secret left out (or null) keeps
     * its stored value; an empty one removes it.
     */
    @Transactional
    public void update(List<Update> updates, String by) {
        List<ProblemException.Field> errors = new ArrayList<>();
        Map<Channel, Config> next = new LinkedHashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            Update u = updates.get(i);
            String at = "[" + i + "]";
            Channel channel = u.channel() == null ? null : Channel.parse(u.channel()).orElse(null);
            if (channel == null) {
                errors.add(new ProblemException.Field(at + ".channel", "notify.channel.unknown"));
                continue;
            }
            String prefix = channel.wire() + ".";
            Map<String, Object> merged = new LinkedHashMap<>(config(channel).settings());
            Map<String, Object> given = u.settings() == null ? Map.of() : u.settings();
            for (Map.Entry<String, Object> e : given.entrySet()) {
                if (!FIELDS.get(channel).contains(e.getKey())) {
                    errors.add(new ProblemException.Field(prefix + e.getKey(), "notify.field.unknown"));
                } else if (e.getValue() == null) {
                    if (!SECRETS.contains(e.getKey())) {
                        merged.remove(e.getKey());
                    }
                } else if (e.getValue() instanceof String s && s.isBlank()) {
                    merged.remove(e.getKey());
                } else {
                    merged.put(e.getKey(), e.getValue() instanceof String s ? s.strip() : e.getValue());
                }
            }
            boolean enabled = u.enabled() == null ? config(channel).enabled() : u.enabled();
            Config config = new Config(channel, enabled, merged);
            if (enabled) {
                validate(config, prefix, errors);
            }
            next.put(channel, config);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (Config c : next.values()) {
            ChannelRow row = new ChannelRow(c.channel().wire(), c.enabled(), write(c.settings()), clock.instant(), by);
            if (rows.existsById(row.channel())) {
                rows.update(row);
            } else {
                rows.save(row);
            }
        }
    }

    private void validate(Config c, String prefix, List<ProblemException.Field> errors) {
        switch (c.channel()) {
            case APP -> {
            }
            case PUSH -> {
                String subject = c.text("subject");
                if (subject != null && !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
                    errors.add(new ProblemException.Field(prefix + "subject", "notify.push.subject"));
                }
            }
            case EMAIL -> {
                if (c.text("host") == null) {
                    errors.add(new ProblemException.Field(prefix + "host", "field.required"));
                }
                Object port = c.settings().get("port");
                if (port != null && !(port instanceof Number n && n.intValue() >= 1 && n.intValue() <= 65535)) {
                    errors.add(new ProblemException.Field(prefix + "port", "field.range", 1, 65535));
                }
                if (c.text("from") == null || !EMAIL.matcher(c.text("from")).matches()) {
                    errors.add(new ProblemException.Field(prefix + "from", "notify.email.invalid"));
                }
                for (String flag : List.of("starttls", "ssl")) {
                    if (c.settings().containsKey(flag) && !(c.settings().get(flag) instanceof Boolean)) {
                        errors.add(new ProblemException.Field(prefix + flag, "field.malformed"));
                    }
                }
            }
            case SMS -> {
                String url = c.text("url");
                if (!httpUrl(url == null ? null : url.replace("{phone}", "0").replace("{text}", "t"))) {
                    errors.add(new ProblemException.Field(prefix + "url", "notify.url.invalid"));
                }
                String body = c.text("body");
                String all = (url == null ? "" : url) + (body == null ? "" : body);
                if (!all.contains("{phone}") || !all.contains("{text}")) {
                    errors.add(new ProblemException.Field(prefix + "body", "notify.sms.template"));
                } else if (body != null && !json(body.replace("{phone}", "13800000000").replace("{text}", "t"))) {
                    errors.add(new ProblemException.Field(prefix + "body", "notify.sms.json"));
                }
            }
            default -> {
                if (!httpUrl(c.text("url"))) {
                    errors.add(new ProblemException.Field(prefix + "url", "notify.url.invalid"));
                }
            }
        }
    }

    static boolean httpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean json(String text) {
        try {
            json.readValue(text, Argument.OBJECT_ARGUMENT);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Map<String, Object> read(String text) {
        try {
            Map<String, Object> map = json.readValue(text, Argument.mapOf(String.class, Object.class));
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<String, Object> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A channel, whether it is on, and its settings (secrets included). */
    public record Config(Channel channel, boolean enabled, Map<String, Object> settings) {

        public String text(String field) {
            Object v = settings.get(field);
            return v == null || v.toString().isBlank() ? null : v.toString();
        }

        public boolean flag(String field) {
            return Boolean.TRUE.equals(settings.get(field));
        }
    }

    /** A channel as the settings page shows it. */
    @io.micronaut.serde.annotation.Serdeable
    public record View(String channel, boolean enabled, boolean group, Map<String, Object> settings,
                       Map<String, Boolean> secrets) {
    }

    /** What an administrator sends for one channel. */
    @io.micronaut.serde.annotation.Serdeable
    public record Update(@io.micronaut.core.annotation.Nullable String channel,
                         @io.micronaut.core.annotation.Nullable Boolean enabled,
                         @io.micronaut.core.annotation.Nullable Map<String, Object> settings) {
    }
}
