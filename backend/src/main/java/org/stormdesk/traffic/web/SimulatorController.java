package org.stormdesk.traffic.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.ProblemException;
import org.stormdesk.traffic.internal.Simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The demo's traffic simulator: managers and administrators set off a surge to watch it detected (demo only). */
@Controller("/api/traffic/simulator")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = Simulator.class)
class SimulatorController {

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    @Get
    @Secured({"supervisor", "manager", "leadership", "admin"})
    Map<String, Simulator.Triggered> triggered() {
        return simulator.triggered();
    }

    @Post("/surge")
    @Secured({"manager", "admin"})
    Map<String, List<String>> surge(@Body SurgeBody body) {
        double size = body.size() == null ? 3 : body.size();
        int minutes = body.minutes() == null ? 45 : body.minutes();
        if (size < 1.1 || size > 20) {
            throw ProblemException.invalid("size", "traffic.simulator.size");
        }
        if (minutes < 5 || minutes > 24 * 60) {
            throw ProblemException.invalid("minutes", "traffic.simulator.minutes");
        }
        List<String> queues = simulator.trigger(body.queue(), size, Duration.ofMinutes(minutes));
        if (queues.isEmpty()) {
            throw ProblemException.notFound("traffic.sample.unknownQueue", body.queue());
        }
        return Map.of("queues", queues);
    }

    @Serdeable
    record SurgeBody(@Nullable String queue, @Nullable Double size, @Nullable Integer minutes) {
    }
}
