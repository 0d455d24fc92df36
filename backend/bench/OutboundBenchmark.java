import org.stormdesk.outbound.OutboundAllocator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Outbound benchmark (run by outbound.sh):
 *   1. the allocator in process, for plans of 1,000 to 20,000 open calls over 20 to 500 agents, with room for about
 *      two thirds of the calls (so that augmenting paths are searched and some calls stay uncovered), a third of the
 *      calls needing a skill only some agents have: allocations per second and the time of one;
 *   2. over HTTP against a demo server: importing a plan of CALLS rows (one journal entry per call), then reading the
 *      proposed reallocation after an agent is pulled onto the lines.
 */
public final class OutboundBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int calls = Integer.parseInt(args[1]);
        inProcess();
        overHttp(base, calls);
    }

    static void inProcess() {
        int[][] sizes = {{1_000, 20}, {5_000, 100}, {20_000, 500}};
        Instant now = Instant.parse("2026-12-01T01:00:00Z");
        for (int[] size : sizes) {
            int callCount = size[0];
            int agentCount = size[1];
            Random random = new Random(callCount);
            List<OutboundAllocator.Agent> agents = new ArrayList<>();
            int room = callCount * 2 / 3 / agentCount;
            for (int i = 0; i < agentCount; i++) {
                Set<String> skills = i % 4 == 0 ? Set.of("en", "zh") : Set.of("zh");
                agents.add(new OutboundAllocator.Agent("agent" + i, room, now.plus(Duration.ofMinutes(random.nextInt(4) * 60L)), skills));
            }
            List<OutboundAllocator.Task> tasks = new ArrayList<>();
            for (int i = 0; i < callCount; i++) {
                String current = random.nextInt(3) == 0 ? "agent" + random.nextInt(agentCount) : null;
                tasks.add(new OutboundAllocator.Task("t" + i, 1 + random.nextInt(5), now.plus(Duration.ofMinutes(30 + random.nextInt(600))),
                        random.nextInt(3) == 0 ? "en" : null, current, false));
            }
            OutboundAllocator.Result result = null;
            for (int warm = 0; warm < 3; warm++) {
                result = OutboundAllocator.allocate(agents, tasks, now);
            }
            int rounds = 0;
            long started = System.nanoTime();
            while (System.nanoTime() - started < 3_000_000_000L || rounds < 3) {
                result = OutboundAllocator.allocate(agents, tasks, now);
                rounds++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "allocator: %,d calls over %d agents (room for %,d): %,d covered, %,d uncovered;"
                            + " %.1f allocations/s, %.1f ms each%n", callCount, agentCount, room * agentCount,
                    callCount - result.uncovered().size(), result.uncovered().size(), rounds / seconds, 1000 * seconds / rounds);
        }
    }

    static void overHttp(String base, int calls) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        StringBuilder csv = new StringBuilder("campaign,customer_name,phone,priority,due_at,skill,note\n");
        Random random = new Random(7);
        Instant now = Instant.now();
        for (int i = 0; i < calls; i++) {
            Instant due = now.plus(Duration.ofMinutes(60 + random.nextInt(480)));
            csv.append("Campaign ").append(i % 7).append(",Customer ").append(i).append(',')
                    .append(String.format("138%08d", 10_000_000 + i)).append(',').append(1 + random.nextInt(5)).append(',')
                    .append(due).append(',').append(random.nextInt(4) == 0 ? "en" : "").append(",\n");
        }
        long started = System.nanoTime();
        HttpResponse<String> imported = http.send(request(base, "/api/outbound/plan/import")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - started) / 1e9;
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        System.out.printf(Locale.ROOT, "import: %,d calls planned in %.1f s = %,.0f calls/s (one journal entry each): %s%n", calls, importSeconds,
                calls / importSeconds, imported.body());

        HttpResponse<String> moved = http.send(request(base, "/api/reports").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + java.util.UUID.randomUUID() + "\",\"kind\":\"surge\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String incident = moved.body().replaceAll(".*\"incidentId\":\"([^\"]+)\".*", "$1");
        http.send(request(base, "/api/traffic/queues/bench").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"channel\":\"voice\"}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> pull = http.send(request(base, "/api/traffic/staff/moves").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"incident\":\"" + incident + "\",\"queue\":\"bench\",\"usernames\":[\"agent5\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (pull.statusCode() != 200) {
            throw new IllegalStateException("pull: " + pull.statusCode() + " " + pull.body());
        }
        List<Double> times = new ArrayList<>();
        String body = "";
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            HttpResponse<String> proposal = http.send(request(base, "/api/outbound/reallocation").GET().build(), HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - t) / 1e6);
            body = proposal.body();
        }
        times.sort(Double::compare);
        String moves = body.replaceAll("(?s).*\"moves\":\\[", "").isEmpty() ? "?" : String.valueOf(body.split("\"taskId\"").length - 1);
        System.out.printf(Locale.ROOT, "reallocation after agent5 was pulled: %s moves and uncovered listed; GET /api/outbound/reallocation"
                + " median %.0f ms, slowest %.0f ms (10 reads, %,d bytes)%n", moves, times.get(times.size() / 2), times.getLast(),
                body.getBytes(StandardCharsets.UTF_8).length);
    }

    static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en");
    }
}
