package org.stormdesk.traffic.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.traffic.Erlang;
import org.stormdesk.traffic.Queue;
import org.stormdesk.traffic.QueueStatus;
import org.stormdesk.traffic.Sample;
import org.stormdesk.traffic.Surge;
import org.stormdesk.traffic.TrafficDesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Queues, samples, surges, status and staffing over HTTP (docs/api.md). The platforms push samples (administrators,
 * managers and maintenance accounts); supervisors, managers, leadership and administrators read; anyone signed in may ask
 * the Erlang calculator.
 */
@Controller("/api/traffic")
@ExecuteOn(TaskExecutors.BLOCKING)
class TrafficController {

    static final String[] READERS = {"supervisor", "manager", "leadership", "admin"};

    private final TrafficDesk desk;
    private final Clock clock;

    TrafficController(TrafficDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Get("/queues")
    @Secured({"supervisor", "manager", "leadership", "admin", "maintenance"})
    List<Queue> queues() {
        return desk.queues();
    }

    @Put("/queues/{code}")
    @Secured({"manager", "admin"})
    Queue saveQueue(@PathVariable String code, @Body QueueBody body) {
        return desk.saveQueue(new Queue(code, body.name(), body.channel(), body.intervalSeconds() == null ? 900 : body.intervalSeconds(),
                body.target() == null ? 0.8 : body.target(), body.answerWithin() == null ? 20 : body.answerWithin(), body.patience()));
    }

    @Serdeable
    record QueueBody(@Nullable String name, @Nullable String channel, @Nullable Integer intervalSeconds, @Nullable Double target,
                     @Nullable Integer answerWithin, @Nullable Integer patience) {
    }

    @Post("/samples")
    @Secured({"manager", "admin", "maintenance"})
    TrafficDesk.Ingested samples(@Body SamplesBody body, HttpRequest<?> request) {
        if (body.samples() == null) {
            throw ProblemException.invalid("samples", "traffic.sample.batch", TrafficDesk.MAX_BATCH);
        }
        return desk.ingest(body.samples(), Messages.localeOf(request));
    }

    @Serdeable
    record SamplesBody(@Nullable List<Sample> samples) {
    }

    @Post("/samples/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured({"manager", "admin"})
    TrafficDesk.Ingested importCsv(@Body String csv, HttpRequest<?> request) {
        return desk.importCsv(csv, Messages.localeOf(request));
    }

    @Get("/surges")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    List<Surge> surges(@QueryValue @Nullable String queue, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        Instant end = instant("to", to, clock.instant().plus(Duration.ofDays(1)));
        Instant start = instant("from", from, end.minus(Duration.ofDays(7)));
        return desk.surges(queue, start, end);
    }

    @Post("/surges/{id}/incident")
    @Secured({"manager", "admin"})
    Surge openIncident(@PathVariable UUID id) {
        return desk.openIncident(id);
    }

    @Get("/settings")
    @Secured({"manager", "admin"})
    Map<String, String> settings() {
        return Map.of("surgeAction", desk.surgeAction());
    }

    @Put("/settings")
    @Secured("admin")
    Map<String, String> saveSettings(@Body Map<String, String> body) {
        desk.surgeAction(body.getOrDefault("surgeAction", ""));
        return settings();
    }

    @Get("/status")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    List<QueueStatus> status(@QueryValue @Nullable Integer hours) {
        int h = hours == null ? 4 : Math.clamp(hours, 1, 24);
        return desk.queues().stream().map(q -> desk.status(q.code(), h)).toList();
    }

    @Get("/status/{queue}")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    QueueStatus status(@PathVariable String queue, @QueryValue @Nullable Integer hours) {
        return desk.status(queue, hours == null ? 4 : Math.clamp(hours, 1, 24));
    }

    @Post("/queues/{code}/replay")
    @Secured({"manager", "admin"})
    Map<String, Integer> replay(@PathVariable String code) {
        return Map.of("samples", desk.replay(code));
    }

    /** {@code GET /api/traffic/erlang?offered=&interval=&aht=&target=&answerWithin=[&patience=]}. */
    @Get("/erlang")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Staffing erlang(@QueryValue @Nullable Double offered, @QueryValue @Nullable Double interval, @QueryValue @Nullable Double aht,
                    @QueryValue @Nullable Double target, @QueryValue @Nullable Double answerWithin,
                    @QueryValue @Nullable Double patience) {
        Erlang.Performance p = TrafficDesk.staffing(offered == null ? Double.NaN : offered, interval == null ? 1800 : interval,
                aht == null ? Double.NaN : aht, target == null ? 0.8 : target, answerWithin == null ? 20 : answerWithin, patience);
        return new Staffing(p.agents(), p.serviceLevel(), p.asa(), p.occupancy(), p.waitProbability(), p.abandonment(),
                patience == null ? "erlang-c" : "erlang-a");
    }

    @Serdeable
    record Staffing(int agents, double serviceLevel, double asa, double occupancy, double waitProbability, double abandonment,
                    String model) {
    }

    private static Instant instant(String field, @Nullable String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "traffic.time");
        }
    }

}
