package org.stormdesk.diversion;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.diversion.db.ActiveRepository;
import org.stormdesk.diversion.db.ActiveRow;
import org.stormdesk.diversion.db.MessageRepository;
import org.stormdesk.diversion.db.MessageRow;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The diversion library and what is live: managers keep the library (configuration), switch messages on and off for an
 * incident (journal entries, so they work the same from a device's queue), and the platforms read what is live per channel.
 */
@Singleton
public class Diversion {

    public static final int MAX_TEXT = 4000;
    private static final String API_DEVICE = "api";

    private final MessageRepository messages;
    private final ActiveRepository active;
    private final Journal journal;
    private final Clock clock;

    public Diversion(MessageRepository messages, ActiveRepository active, Journal journal, Clock clock) {
        this.messages = messages;
        this.active = active;
        this.journal = journal;
        this.clock = clock;
    }

    /** The whole library, each message with where it is live. */
    public List<DiversionMessage> library() {
        Map<UUID, ActiveRow> on = new LinkedHashMap<>();
        active.findAll().forEach(a -> on.put(a.messageId(), a));
        return messages.library().stream().map(m -> view(m, on.get(m.id()))).toList();
    }

    /** Adds a message to the library; a manager's or an administrator's message is approved as it is added when asked. */
    public DiversionMessage add(Actor actor, String channel, String title, Map<String, String> texts, boolean approve) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (channel == null || !DiversionKinds.CHANNELS.contains(channel)) {
            errors.add(new ProblemException.Field("channel", "diversion.channel"));
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new ProblemException.Field("title", "diversion.title"));
        }
        Map<String, String> t = texts == null ? Map.of() : texts;
        if (t.values().stream().allMatch(v -> v == null || v.isBlank()) || t.values().stream().anyMatch(v -> v != null && v.length() > MAX_TEXT)
                || !List.of("zh-CN", "en", "zh-TW").containsAll(t.keySet())) {
            errors.add(new ProblemException.Field("texts", "diversion.texts", MAX_TEXT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var now = clock.instant();
        MessageRow row = new MessageRow(UUID.randomUUID(), channel, title.strip(), blank(t.get("zh-CN")), blank(t.get("en")),
                blank(t.get("zh-TW")), actor.username(), now, approve ? actor.username() : null, approve ? now : null);
        messages.save(row);
        return view(row, null);
    }

    public DiversionMessage approve(Actor actor, UUID id) {
        MessageRow m = messages.findById(id).orElseThrow(() -> ProblemException.notFound("diversion.refused.unknownMessage"));
        if (m.approvedAt() == null) {
            m = new MessageRow(m.id(), m.channel(), m.title(), m.textZhCn(), m.textEn(), m.textZhTw(), m.createdBy(), m.createdAt(),
                    actor.username(), clock.instant());
            messages.update(m);
        }
        return view(m, active.findById(id).orElse(null));
    }

    /** Switches a message on for an incident, or off (then {@code incident} may be null), as a journal entry. */
    public PushResult switchTo(Actor actor, UUID message, @Nullable UUID incident, boolean on, @Nullable UUID clientId, Locale locale) {
        UUID id = clientId == null ? UUID.randomUUID() : clientId;
        PushResult r = journal.record(API_DEVICE, actor, Entry.of(id, on ? DiversionKinds.ACTIVATED : DiversionKinds.DEACTIVATED,
                incident, clock.instant(), Map.of("message", message.toString())), locale);
        if (!r.accepted()) {
            throw new ProblemException(io.micronaut.http.HttpStatus.BAD_REQUEST, "journal.refused", List.of(), r.reason());
        }
        return r;
    }

    /** What is live on a channel, and its ETag (a hash of exactly what is live, so it changes with every change). */
    public Live live(String channel) {
        if (!DiversionKinds.CHANNELS.contains(channel)) {
            throw ProblemException.invalid("channel", "diversion.channel");
        }
        List<DiversionMessage> list = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder(channel);
        for (ActiveRow a : active.onChannel(channel)) {
            messages.findById(a.messageId()).ifPresent(m -> {
                list.add(view(m, a));
                fingerprint.append('|').append(m.id()).append(':').append(a.incidentId()).append(':').append(a.seq())
                        .append(':').append(m.textZhCn()).append(':').append(m.textEn()).append(':').append(m.textZhTw());
            });
        }
        return new Live(channel, "\"" + sha256(fingerprint.toString()).substring(0, 32) + "\"", list);
    }

    /** What is live on a channel, with its ETag. */
    @io.micronaut.serde.annotation.Serdeable
    public record Live(String channel, String etag, List<DiversionMessage> messages) {
    }

    private static DiversionMessage view(MessageRow m, @Nullable ActiveRow a) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (m.textZhCn() != null) {
            texts.put("zh-CN", m.textZhCn());
        }
        if (m.textEn() != null) {
            texts.put("en", m.textEn());
        }
        if (m.textZhTw() != null) {
            texts.put("zh-TW", m.textZhTw());
        }
        return new DiversionMessage(m.id(), m.channel(), m.title(), texts, m.approvedBy(), m.approvedAt(),
                a == null ? null : a.incidentId(), a == null ? null : a.activatedBy(), a == null ? null : a.activatedAt());
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
