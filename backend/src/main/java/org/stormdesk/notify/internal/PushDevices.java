package org.stormdesk.notify.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.notify.db.PushSubscriptionRepository;
import org.stormdesk.notify.db.PushSubscriptionRow;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The devices where a person turned Web Push on: added when the browser subscribes, forgotten when it goes. */
@Singleton
public class PushDevices {

    /** More than this many devices per person: the one not heard from longest is forgotten. */
    static final int MAX_PER_PERSON = 10;
    static final int MAX_USER_AGENT = 300;

    private final PushSubscriptionRepository subscriptions;
    private final WebPush webPush;
    private final Clock clock;

    PushDevices(PushSubscriptionRepository subscriptions, WebPush webPush, Clock clock) {
        this.subscriptions = subscriptions;
        this.webPush = webPush;
        this.clock = clock;
    }

    public String publicKey() {
        return webPush.publicKey();
    }

    /** Keeps a browser's subscription for a person (a device that subscribes again is updated, not doubled). */
    @Transactional
    public Device subscribe(String username, @Nullable String endpoint, @Nullable String p256dh, @Nullable String auth,
                            @Nullable String userAgent) {
        if (endpoint == null || endpoint.length() > 2000 || !webPush.allowed(endpoint)) {
            throw ProblemException.invalid("endpoint", "notify.push.endpoint");
        }
        if (p256dh == null || auth == null || !WebPush.validKeys(p256dh, auth)) {
            throw ProblemException.invalid("keys", "notify.push.keys");
        }
        String id = WebPush.idOf(endpoint);
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        PushSubscriptionRow row = new PushSubscriptionRow(id, username, endpoint, p256dh, auth, agent, clock.instant(), null);
        if (subscriptions.existsById(id)) {
            subscriptions.update(row);
        } else {
            subscriptions.save(row);
        }
        List<PushSubscriptionRow> mine = subscriptions.findByUsername(username);
        if (mine.size() > MAX_PER_PERSON) {
            mine.stream().filter(r -> !r.id().equals(id))
                    .sorted(Comparator.comparing((PushSubscriptionRow r) -> r.lastOkAt() == null ? r.createdAt() : r.lastOkAt()))
                    .limit(mine.size() - MAX_PER_PERSON).forEach(r -> subscriptions.deleteById(r.id()));
        }
        return view(row);
    }

    public List<Device> of(String username) {
        return subscriptions.findByUsername(username).stream().map(PushDevices::view)
                .sorted(Comparator.comparing(Device::createdAt)).toList();
    }

    /** Forgets one of a person's devices; false when it is not theirs or not there. */
    @Transactional
    public boolean forget(String username, String id) {
        return subscriptions.findById(id).filter(r -> r.username().equals(username)).map(r -> {
            subscriptions.deleteById(id);
            return true;
        }).orElse(false);
    }

    private static Device view(PushSubscriptionRow r) {
        return new Device(r.id(), URI.create(r.endpoint()).getHost(), r.userAgent(), r.createdAt(), r.lastOkAt());
    }

    /** A device as its owner sees it: the push service it goes through, the browser, when it last got a notice. */
    @Serdeable
    public record Device(String id, String service, @Nullable String userAgent, Instant createdAt, @Nullable Instant lastOkAt) {
    }
}
