package org.stormdesk.journal.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.JournalListener;
import org.stormdesk.journal.StoredEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Live changes for open screens: every stored entry a person may read is announced over server-sent
 * events ({@code GET /api/events}); a heartbeat every 20 s keeps proxies from closing the stream.
 */
@Controller("/api/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
class LiveFeed implements JournalListener {

    private final Sinks.Many<StoredEntry> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public void stored(List<StoredEntry> entries) {
        for (StoredEntry entry : entries) {
            sink.tryEmitNext(entry);
        }
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
