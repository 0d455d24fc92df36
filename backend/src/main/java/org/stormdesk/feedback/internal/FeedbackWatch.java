package org.stormdesk.feedback.internal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.stormdesk.app.Settings;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The node's one detector, behind one lock. It lives in memory (sketches of fixed size): after a restart it
 * learns the normal levels again from the contacts that come in (or from a history imported as CSV, in time order).
 */
@Singleton
public class FeedbackWatch {

    private final Detector detector;
    /** Which problem each flag entry raised or joined, from its judgement to its application (same transaction). */
    private final Map<UUID, Seen> flagProblems = new ConcurrentHashMap<>();

    public FeedbackWatch(Settings settings, @Value("${stormdesk.feedback.warmup:1500}") int warmup) {
        Detector.Tuning d = Detector.Tuning.defaults();
        this.detector = new Detector(new Detector.Tuning(d.halfLife(), d.longHalfLife(), d.minCount(), d.minRatio(),
                d.minZ(), d.flagWeight(), d.quiet(), d.lateness(), warmup, d.depth(), d.width(), d.slotWidth(),
                d.maxOpen(), d.maxWatch()), ZoneId.of(settings.timeZone()));
    }

    /** What one contact did: the problem it raised or joined as it stands after it (null: neither). */
    public record Seen(Detector.View problem, boolean raised) {
    }

    /** Reads contacts in order under the lock; answers each one's outcome. */
    public List<Seen> take(List<Detector.Signal> signals) {
        List<Seen> out = new ArrayList<>(signals.size());
        synchronized (detector) {
            for (Detector.Signal s : signals) {
                Detector.Outcome o = detector.take(s);
                out.add(new Seen(o.problem() == null ? null : o.problem().view(), o.raised()));
            }
        }
        return out;
    }

    /** Anything read from the detector, under the lock. */
    public <T> T read(Function<Detector, T> reader) {
        synchronized (detector) {
            return reader.apply(detector);
        }
    }

    void flagged(UUID entry, Seen seen) {
        flagProblems.put(entry, seen);
    }

    Seen flagProblem(UUID entry) {
        return flagProblems.remove(entry);
    }
}
