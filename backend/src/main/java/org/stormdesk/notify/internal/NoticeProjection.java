package org.stormdesk.notify.internal;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.incident.EntryKinds;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.notify.Audience;
import org.stormdesk.notify.Channel;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, inside the transaction that stores an entry, who must hear of it and on which channels, and writes
 * the outbox: an escalation that fired, a notice someone requested, an incident opened at high or critical
 * severity (to the center's managers). Each delivery's id is derived from the entry, the recipient and the
 * channel, so a replay finds it there already; an entry received more than an hour ago (a rebuild of the
 * projections) notifies nobody. On a drill, only the drill's participants hear anything, told it is a drill: no
 * contact outside and no group channel is ever told of one.
 */
@Singleton
class NoticeProjection implements JournalProjection {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeProjection.class);
    static final Duration STALE = Duration.ofHours(1);
    static final Set<String> SERIOUS = Set.of("high", "critical");

    private final DeliveryRepository deliveries;
    private final Recipients recipients;
    private final ChannelBook channels;
    private final NoticeText text;
    private final Messages messages;
    private final Clock clock;
    /** Lazily: the incident desk is made with the journal, which is made with its projections. */
    private final BeanProvider<IncidentDesk> incidents;

    NoticeProjection(DeliveryRepository deliveries, Recipients recipients, ChannelBook channels, NoticeText text,
                     Messages messages, Clock clock, BeanProvider<IncidentDesk> incidents) {
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.channels = channels;
        this.text = text;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void apply(StoredEntry e) {
        boolean drillOpened = EntryKinds.INCIDENT_OPENED.equals(e.kind()) && Boolean.TRUE.equals(e.payload().get("drill"));
        Optional<Request> request = switch (e.kind()) {
            case NoticeKinds.ESCALATION_FIRED, NoticeKinds.NOTICE_REQUESTED -> requested(e);
            case EntryKinds.INCIDENT_OPENED -> SERIOUS.contains(e.text("severity")) || drillOpened
                    ? Optional.of(opened(e)) : Optional.empty();
            default -> Optional.empty();
        };
        if (request.isEmpty() || e.receivedAt().isBefore(clock.instant().minus(STALE))) {
            return;
        }
        Optional<Incident> drill = e.incident() == null ? Optional.empty()
                : incidents.get().find(e.incident()).filter(Incident::drill);
        write(e, drill.isPresent() ? forDrill(request.get(), drill.get(), drillOpened) : request.get(), drill.isPresent());
    }

    /** A notice on a drill: for its participants alone (an opening tells them all), marked as a drill. */
    private Request forDrill(Request request, Incident drill, boolean opening) {
        Set<String> participants = Set.copyOf(drill.participants() == null ? List.of() : drill.participants());
        List<Audience> audience = opening
                ? participants.stream().sorted().map(u -> new Audience(Audience.Type.USER, u)).toList()
                : request.audience();
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            String tag = NoticeText.tag(locale);
            String said = request.message().getOrDefault(tag, request.message().values().stream().findFirst().orElse(""));
            message.put(tag, messages.get(locale, "notify.drill", said));
        }
        return new Request(audience, message, participants);
    }

    private void write(StoredEntry e, Request request, boolean drill) {
        Map<Channel, Boolean> enabled = new EnumMap<>(Channel.class);
        for (ChannelBook.Config c : channels.all()) {
            enabled.put(c.channel(), c.enabled());
        }
        String message = text.write(request.message());
        List<DeliveryRow> rows = new ArrayList<>();
        for (Recipients.Recipient r : recipients.resolve(request.audience())) {
            if (request.only() != null && (r.username() == null || !request.only().contains(r.username()))) {
                continue;
            }
            if (r.username() != null && enabled.get(Channel.APP)) {
                rows.add(row(e, r.id(), Channel.APP, r.username(), message));
            }
            if (r.push() && enabled.get(Channel.PUSH)) {
                rows.add(row(e, r.id(), Channel.PUSH, r.username(), message));
            }
            if (r.email() != null && enabled.get(Channel.EMAIL)) {
                rows.add(row(e, r.id(), Channel.EMAIL, r.email(), message));
            }
            if (r.phone() != null && enabled.get(Channel.SMS)) {
                rows.add(row(e, r.id(), Channel.SMS, r.phone(), message));
            }
        }
        for (Channel c : Channel.values()) {
            if (c.group() && enabled.get(c) && !drill) {
                rows.add(row(e, "group", c, null, message));
            }
        }
        for (DeliveryRow row : rows) {
            if (!deliveries.existsById(row.id())) {
                deliveries.save(row);
            }
        }
    }

    private DeliveryRow row(StoredEntry e, String recipient, Channel channel, String address, String message) {
        return new DeliveryRow(deliveryId(e.id(), recipient, channel), e.id(), e.kind(), e.incident(), recipient,
                channel.wire(), address, message, DeliveryRow.PENDING, 0, e.receivedAt(), null, null, null, null,
                e.receivedAt());
    }

    static UUID deliveryId(UUID entry, String recipient, Channel channel) {
        return UUID.nameUUIDFromBytes(("notify:" + entry + "|" + recipient + "|" + channel.wire()).getBytes(StandardCharsets.UTF_8));
    }

    /** An escalation's or a requested notice's audience and message; a malformed one is logged and skipped. */
    private Optional<Request> requested(StoredEntry e) {
        List<Audience> audience = audience(e.payload().get("audience"));
        Map<String, String> message = message(e.payload().get("message"));
        if (audience.isEmpty() || message.isEmpty()) {
            LOG.warn("Entry {} ({}) names no audience or no message; nobody is notified", e.id(), e.kind());
            return Optional.empty();
        }
        return Optional.of(new Request(audience, message, null));
    }

    private Request opened(StoredEntry e) {
        Map<String, String> message = new LinkedHashMap<>();
        for (Locale locale : Messages.all()) {
            message.put(NoticeText.tag(locale), messages.get(locale, "notify.incidentOpened",
                    messages.get(locale, "kind." + e.text("kind")), messages.get(locale, "severity." + e.text("severity"))));
        }
        return new Request(List.of(new Audience(Audience.Type.ROLE, "manager")), message, null);
    }

    static List<Audience> audience(Object value) {
        List<Audience> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                Audience.parse(item).ifPresent(out::add);
            }
        }
        return out;
    }

    static Map<String, String> message(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (String language : NoticeText.LANGUAGES) {
                Object text = map.get(language);
                if (text instanceof String s && !s.isBlank()) {
                    out.put(language, s);
                }
            }
        } else if (value instanceof String s && !s.isBlank()) {
            out.put("zh-CN", s);
        }
        return out;
    }

    /** Who is told what; {@code only}, when set, is the usernames beyond which nobody is told (a drill's participants). */
    private record Request(List<Audience> audience, Map<String, String> message, @io.micronaut.core.annotation.Nullable Set<String> only) {
    }
}
