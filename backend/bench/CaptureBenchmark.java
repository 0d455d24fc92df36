import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Capture drain benchmark (S2.5): {@code devices} phones each hold {@code entries} customers captured while the
 * server was away (customer.captured entries in their outbox); the server comes back and they all push at once.
 * Prints the drain time, records/s, duplicates and losses (both must be 0), then pushes everything again (every
 * answer must be "duplicate"). Reuses StormBenchmark's users, HTTP and journal helpers; run it with capture.sh.
 */
public class CaptureBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        Path summaryFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--summary".equals(args[i])) {
                summaryFile = Path.of(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        StormBenchmark b = new StormBenchmark(StormBenchmark.Config.parse(rest.toArray(String[]::new)));
        int code;
        try {
            String summary = run(b);
            if (summaryFile != null) {
                Files.writeString(summaryFile, summary, StandardCharsets.UTF_8);
            }
            System.out.println();
            System.out.print(summary);
            code = b.failures.isEmpty() ? 0 : 1;
        } finally {
            b.virtualThreads.shutdownNow();
        }
        System.exit(code);
    }

    static String run(StormBenchmark b) throws Exception {
        int d = b.cfg.devices();
        int e = b.cfg.entries();
        StormBenchmark.log("Stormdesk capture benchmark against %s (%s): %d devices x %d captured customers",
                b.cfg.baseUrl(), b.cfg.dbLabel(), d, e);
        List<StormBenchmark.Agent> devices = b.createAgents("capdev", d);
        long cursor = b.headCursor();
        String recordedAt = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString();
        String due = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString();
        String[] bodies = new String[d];
        Set<String> ours = new HashSet<>();
        String[] categories = {"billing", "fault", "account", "order", "complaint", "inquiry", "other"};
        for (int i = 0; i < d; i++) {
            StringBuilder s = new StringBuilder(e * 330 + 64);
            s.append("{\"device\":").append(StormBenchmark.q("capture-dev-" + (i + 1))).append(",\"entries\":[");
            for (int j = 0; j < e; j++) {
                String id = UUID.randomUUID().toString();
                ours.add(id);
                if (j > 0) {
                    s.append(',');
                }
                boolean promised = j % 3 == 0;
                s.append("{\"id\":\"").append(id).append("\",\"kind\":\"customer.captured\",\"recordedAt\":\"")
                        .append(recordedAt).append("\",\"payload\":{\"name\":\"Customer ").append(i).append('-').append(j)
                        .append("\",\"phone\":\"139").append("%08d".formatted(i * 10_000 + j))
                        .append("\",\"accountId\":\"AC").append(i).append('-').append(j)
                        .append("\",\"matter\":\"Could not pay the bill while the systems were down\",\"category\":\"")
                        .append(categories[j % categories.length]).append("\",\"callbackPromised\":").append(promised)
                        .append(promised ? ",\"callbackDueAt\":\"" + due + "\"" : "")
                        .append(",\"source\":\"").append(j % 10 == 0 ? "paper" : "panel").append("\"}}");
            }
            bodies[i] = s.append("]}").toString();
        }

        StormBenchmark.PushRound first = b.pushAll(devices, bodies, null);
        int total = d * e;
        StormBenchmark.log("drain: %d captured customers stored in %.2f s (%.0f records/s), push p50 %.1f ms, p99 %.1f ms, answers %s; cpu: %s",
                total, first.drainSeconds(), total / first.drainSeconds(), first.latency().p50(), first.latency().p99(),
                first.statuses(), first.cpu());
        StormBenchmark.PushRound again = b.pushAll(devices, bodies, first.seqs());
        StormBenchmark.log("re-push: answers %s in %.2f s, %d seq mismatches", again.statuses(), again.drainSeconds(),
                again.seqMismatches());

        StormBenchmark.Pulled pulled = b.pullAfter(cursor, "customer.captured", ours);
        StormBenchmark.Response counts = b.send("GET", "/api/capture/counts", null, b.adminAuth);
        long projected = ((Number) ((Map<?, ?>) BenchJson.parse(counts.body())).get("captured")).longValue();
        int duplicates = pulled.count() - pulled.distinct();
        int losses = total - pulled.ours();
        if (first.count("stored") != total) {
            b.fail("%d of %d records answered \"stored\" (%s)", first.count("stored"), total, first.statuses());
        }
        if (again.count("duplicate") != total || again.seqMismatches() > 0) {
            b.fail("re-push: %d of %d answered \"duplicate\", %d seq mismatches", again.count("duplicate"), total, again.seqMismatches());
        }
        if (duplicates != 0 || losses != 0) {
            b.fail("the journal holds %d customer.captured (%d distinct, %d of ours): %d duplicates, %d lost",
                    pulled.count(), pulled.distinct(), pulled.ours(), duplicates, losses);
        }
        if (projected != total) {
            b.fail("the capture projection counts %d records, expected %d", projected, total);
        }

        StringBuilder out = new StringBuilder();
        out.append("Stormdesk capture benchmark - ").append(b.cfg.dbLabel()).append('\n');
        out.append("  %d devices x %d captured customers = %d records pushed at once%n".formatted(d, e, total));
        out.append("  drain time      %.2f s (target < %.0f s: %s)%n".formatted(first.drainSeconds(),
                StormBenchmark.TARGET_DRAIN_SECONDS, first.drainSeconds() < StormBenchmark.TARGET_DRAIN_SECONDS ? "met" : "NOT met"));
        out.append("  records/s       %.0f%n".formatted(total / first.drainSeconds()));
        out.append("  push latency    p50 %.1f ms, p99 %.1f ms, max %.1f ms%n".formatted(first.latency().p50(),
                first.latency().p99(), first.latency().max()));
        out.append("  duplicates      %d%n".formatted(duplicates));
        out.append("  losses          %d%n".formatted(losses));
        out.append("  projection      %d records (of %d)%n".formatted(projected, total));
        out.append("  re-push         %s in %.2f s%n".formatted(again.statuses(), again.drainSeconds()));
        out.append("  server cpu      %s%n".formatted(first.cpu()));
        out.append("  checks          %s%n".formatted(b.failures.isEmpty() ? "ok" : String.join("; ", b.failures)));
        return out.toString();
    }
}
