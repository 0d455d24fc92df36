package org.stormdesk.journal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.JournalListener;
import org.stormdesk.journal.PullPage;
import org.stormdesk.journal.StoredEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Live changes for open screens: every stored entry a person may read is announced over server-sent
 * events ({@code GET /api/events}); a heartbeat every 20 s keeps proxies from closing the stream.
 * <p>
 * The feed follows the journal itself, not just this node's writes: a follower reads what was stored after
 * the last entry it announced, at once when this node stored something and at least every half second
 * otherwise, so browsers connected to any node see changes made through any other.
 */
@Controller("/api/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
class LiveFeed implements JournalListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final Actor FOLLOWER = new Actor("live-feed", Set.of("admin"));
    private static final long POLL_MILLIS = 500;

    private final Sinks.Many<StoredEntry> sink = Sinks.many().multicast().directBestEffort();
    private final Journal journal;
    private final Semaphore wake = new Semaphore(0);
    private final Thread follower;
    private volatile boolean running = true;

    LiveFeed(Journal journal) {
        this.journal = journal;
        this.follower = Thread.ofVirtual().name("live-feed").start(this::follow);
    }

    @Override
    public void stored(List<StoredEntry> entries) {
        wake.release();
    }

    private void follow() {
        long last = -1;
        while (running) {
            try {
                if (last < 0) {
                    last = journal.head();
                }
                PullPage page;
                do {
                    page = journal.pull(last, 500, FOLLOWER);
                    page.entries().forEach(sink::tryEmitNext);
                    last = page.next();
                } while (page.hasMore() && running);
                wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("The live feed could not read the journal; retrying", e);
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        follower.interrupt();
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Flux<Event<Live>> events(Authentication authentication) {
        Actor reader = Actor.of(authentication);
        Flux<Event<Live>> entries = sink.asFlux()
                .filter(e -> Journal.mayRead(reader, e))
                .map(e -> Event.of(new Live(e.seq(), e.kind(), e.incident())).name("entry").id(Long.toString(e.seq())));
        Flux<Event<Live>> heartbeat = Flux.interval(Duration.ofSeconds(20))
                .map(i -> Event.of(new Live(0, "heartbeat", null)).name("heartbeat"));
        return Flux.merge(Flux.just(Event.of(new Live(0, "hello", null)).name("hello")), entries, heartbeat);
    }

    /** What an open screen is told about a stored entry: enough to know what to fetch again. */
    @Serdeable
    record Live(long seq, String kind, @Nullable UUID incident) {
    }
}
