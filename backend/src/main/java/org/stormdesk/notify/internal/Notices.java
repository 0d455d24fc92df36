package org.stormdesk.notify.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.notify.Channel;
import org.stormdesk.notify.NoticeKinds;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;
import org.stormdesk.notify.db.PersonRepository;
import org.stormdesk.notify.db.PersonRow;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** What people do with notifications through the API: their inbox, their addresses, deliveries, tests, links. */
@Singleton
public class Notices {

    /** The device name of acknowledgements made by a link. */
    public static final String LINK_DEVICE = "link";
    static final int INBOX_SIZE = 100;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,30}");

    private final DeliveryRepository deliveries;
    private final PersonRepository addresses;
    private final NoticeText text;
    private final ChannelBook channels;
    private final ChannelSenders senders;
    private final AckTokens tokens;
    private final Journal journal;
    private final People people;
    private final IncidentDesk incidents;
    private final Messages messages;
    private final Clock clock;

    Notices(DeliveryRepository deliveries, PersonRepository addresses, NoticeText text, ChannelBook channels,
            ChannelSenders senders, AckTokens tokens, Journal journal, People people, IncidentDesk incidents,
            Messages messages, Clock clock) {
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.text = text;
        this.channels = channels;
        this.senders = senders;
        this.tokens = tokens;
        this.journal = journal;
        this.people = people;
        this.incidents = incidents;
        this.messages = messages;
        this.clock = clock;
    }

    public Inbox inbox(String username, Locale locale) {
        List<InboxItem> items = new ArrayList<>();
        String language = NoticeText.tag(locale);
        for (DeliveryRow r : deliveries.inbox(username, INBOX_SIZE)) {
            boolean escalation = NoticeKinds.ESCALATION_FIRED.equals(r.entryKind());
            items.add(new InboxItem(r.id(), r.entryKind(), r.incidentId(), NoticeText.pick(text.read(r.message()), language),
                    r.createdAt(), r.readAt() != null, escalation ? r.entryId() : null,
                    escalation ? text.ackUrl(r.entryId(), username) : null));
        }
        return new Inbox(deliveries.unread(username), items);
    }

    public Inbox markRead(String username, UUID id, Locale locale) {
        Optional<DeliveryRow> row = deliveries.findById(id)
                .filter(r -> Channel.APP.wire().equals(r.channel()) && username.equals(r.address()));
        if (row.isEmpty()) {
            throw ProblemException.notFound("notify.notice.notFound");
        }
        deliveries.markRead(id, username, clock.instant());
        return inbox(username, locale);
    }

    public List<Delivery> deliveries(UUID incident) {
        if (incidents.find(incident).isEmpty()) {
            throw ProblemException.notFound("incident.notFound");
        }
        return deliveries.findByIncidentIdOrderByCreatedAt(incident).stream()
                .map(r -> new Delivery(r.id(), r.entryId(), r.entryKind(), r.recipient(), r.channel(), r.address(),
                        r.state(), r.attempts(), DeliveryRow.SENT.equals(r.state()) || DeliveryRow.GIVEN_UP.equals(r.state())
                        ? null : r.nextAttemptAt(), r.lastError(), r.sentAt(), r.createdAt()))
                .toList();
    }

    /** Sends a test message on a channel now, and answers how it went (nothing is queued or logged). */
    public Trial trial(String channelName, @Nullable String to, Actor admin, Locale locale) {
        Channel channel = Channel.parse(channelName).orElseThrow(() -> ProblemException.notFound("notify.channel.unknown"));
        String address = to == null || to.isBlank() ? null : to.strip();
        if (address == null && !channel.group()) {
            PersonRow own = addresses.findById(admin.username()).orElse(null);
            address = switch (channel) {
                case EMAIL -> own == null ? null : own.email();
                case SMS -> own == null ? null : own.phone();
                default -> admin.username();
            };
            if (address == null) {
                throw ProblemException.invalid("to", "field.required");
            }
        }
        String language = NoticeText.tag(locale);
        Map<String, String> message = new java.util.LinkedHashMap<>();
        for (Locale l : Messages.all()) {
            message.put(NoticeText.tag(l), messages.get(l, "notify.test.text", admin.username()));
        }
        Notice notice = text.compose(null, "notice.test", null, channel.group() ? "group" : "test", address, language,
                message, null);
        try {
            senders.send(channels.config(channel), notice);
            return new Trial(channel.wire(), true, null);
        } catch (DeliveryFailure e) {
            return new Trial(channel.wire(), false, e.getMessage());
        }
    }

    public Addresses addresses(String username) {
        if (people.find(username).isEmpty()) {
            throw ProblemException.notFound("notify.person.notFound");
        }
        return addresses.findById(username).map(r -> new Addresses(r.username(), r.email(), r.phone(), r.language()))
                .orElse(new Addresses(username, null, null, null));
    }

    @Transactional
    public Addresses saveAddresses(String username, Addresses given) {
        if (people.find(username).isEmpty()) {
            throw ProblemException.notFound("notify.person.notFound");
        }
        List<ProblemException.Field> errors = new ArrayList<>();
        String email = blankToNull(given.email());
        String phone = blankToNull(given.phone());
        String language = blankToNull(given.language());
        if (email != null && (email.length() > 200 || !ChannelBook.EMAIL.matcher(email).matches())) {
            errors.add(new ProblemException.Field("email", "notify.email.invalid"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new ProblemException.Field("phone", "notify.phone.invalid"));
        }
        if (language != null && !NoticeText.LANGUAGES.contains(language)) {
            errors.add(new ProblemException.Field("language", "notify.language.invalid"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PersonRow row = new PersonRow(username, email, phone, language);
        if (addresses.existsById(username)) {
            addresses.update(row);
        } else {
            addresses.save(row);
        }
        return new Addresses(username, email, phone, language);
    }

    /** What an acknowledgement link stands for, checked: the firing, its incident and message, and the person. */
    public Link link(String token) {
        AckTokens.Check check = tokens.check(token, clock.instant());
        if (!check.valid()) {
            return new Link(check.outcome(), null, null, null);
        }
        Optional<StoredEntry> firing = journal.find(check.firing())
                .filter(e -> NoticeKinds.ESCALATION_FIRED.equals(e.kind()));
        Optional<Person> person = people.find(check.username());
        if (firing.isEmpty() || person.isEmpty()) {
            return new Link(AckTokens.Outcome.MALFORMED, null, null, null);
        }
        return new Link(check.outcome(), firing.get(), person.get(), NoticeProjection.message(firing.get().payload().get("message")));
    }

    /** Records the acknowledgement a link stands for, as its person; tapping it again changes nothing. */
    public PushResult acknowledge(Link link, Locale locale) {
        UUID id = UUID.nameUUIDFromBytes(("escalation.acknowledged:" + link.firing().id() + ":" + link.person().username())
                .getBytes(StandardCharsets.UTF_8));
        Actor actor = new Actor(link.person().username(), new HashSet<>(link.person().roles()));
        Entry entry = Entry.of(id, NoticeKinds.ESCALATION_ACKNOWLEDGED, link.firing().incident(), clock.instant(),
                Map.of("firing", link.firing().id().toString()));
        return journal.record(LINK_DEVICE, actor, entry, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A checked link: its outcome and, when valid, the firing, the person and the message. */
    public record Link(AckTokens.Outcome outcome, @Nullable StoredEntry firing, @Nullable Person person,
                       @Nullable Map<String, String> message) {
        public boolean valid() {
            return outcome == AckTokens.Outcome.VALID;
        }
    }

    @Serdeable
    public record Inbox(long unread, List<InboxItem> notices) {
    }

    @Serdeable
    public record InboxItem(UUID id, String kind, @Nullable UUID incident, String text, Instant createdAt, boolean read,
                            @Nullable UUID firing, @Nullable String ackUrl) {
    }

    @Serdeable
    public record Delivery(UUID id, UUID entry, String kind, String recipient, String channel, @Nullable String address,
                           String state, int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError,
                           @Nullable Instant sentAt, Instant createdAt) {
    }

    @Serdeable
    public record Trial(String channel, boolean ok, @Nullable String error) {
    }

    @Serdeable
    public record Addresses(@Nullable String username, @Nullable String email, @Nullable String phone,
                            @Nullable String language) {
    }
}
