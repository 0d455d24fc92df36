import org.stormdesk.feedback.internal.ContactStream;
import org.stormdesk.feedback.internal.Detector;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The feedback detector on its own, in one JVM (see feedback.sh): how many contacts a minute it reads, and whether
 * its memory stays flat over a long stream. Uses the detector and the labelled stream generator from the jar.
 */
public class FeedbackBenchmark {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        int peak = 400;
        int days = 30;
        int longPeak = 60;
        int rounds = 3;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--peak" -> peak = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--long-peak" -> longPeak = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Instant start = LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toInstant();

        // 1. throughput: a day of contacts (peak `peak` a minute, problems injected) generated first, then read
        ContactStream day = new ContactStream(1, start, 2, 1, peak, ZONE);
        List<Detector.Signal> signals = new ArrayList<>();
        day.forEach(day.problems(4), c -> signals.add(c.signal()));
        System.out.printf("throughput: %,d contacts (2 days, peak %d/min, Chinese and English), %d rounds%n",
                signals.size(), peak, rounds);
        double best = 0;
        for (int r = 1; r <= rounds; r++) {
            Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
            int raised = 0;
            long t0 = System.nanoTime();
            for (Detector.Signal s : signals) {
                if (d.take(s).raised()) {
                    raised++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double perMinute = signals.size() / seconds * 60;
            best = Math.max(best, perMinute);
            System.out.printf("  round %d: %.2f s, %,.0f contacts/min (%,.0f/s), %.1f µs per contact, %d problems raised%n",
                    r, seconds, perMinute, perMinute / 60, seconds * 1e6 / signals.size(), raised);
        }
        System.out.printf("throughput best: %,.0f contacts/min (target 5,000/min: %s)%n", best, best >= 5000 ? "met" : "NOT met");
        signals.clear();

        // 2. memory over a long stream: heap after a full GC at the end of each simulated day
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ContactStream stream = new ContactStream(2, start, days, 1, longPeak, ZONE);
        Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
        System.out.printf("memory: %d days at peak %d/min, 6 problems a day; sketches %.1f MB (fixed)%n", days, longPeak,
                d.sketchBytes() / 1e6);
        System.out.println("  day  contacts-so-far  heap-after-gc-MB  held-objects  open-problems  watched-keys");
        long[] count = {0};
        int[] lastDay = {0};
        double[] first = {-1};
        double[] last = {0};
        int[] raised = {0};
        stream.forEach(stream.problems(6), c -> {
            int dayIndex = (int) Duration.between(start, c.signal().at()).toDays();
            if (dayIndex != lastDay[0]) {
                System.gc();
                double mb = (memory.getHeapMemoryUsage().getUsed()) / 1e6;
                if (first[0] < 0 && lastDay[0] >= 1) {
                    first[0] = mb;
                }
                last[0] = mb;
                System.out.printf("  %3d  %,15d  %16.1f  %12d  %13d  %12d%n", lastDay[0] + 1, count[0], mb, d.heldObjects(),
                        d.open().size(), d.watched().size());
                lastDay[0] = dayIndex;
            }
            count[0]++;
            if (d.take(c.signal()).raised()) {
                raised[0]++;
            }
        });
        System.out.printf("memory: %,d contacts, %d problems raised; heap after day 2 %.1f MB, after day %d %.1f MB%n",
                count[0], raised[0], first[0], lastDay[0], last[0]);
    }
}
