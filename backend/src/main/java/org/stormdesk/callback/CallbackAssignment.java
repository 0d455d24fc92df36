package org.stormdesk.callback;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who takes a new callback, among the agents on shift. First whoever is still on shift when it falls due (they can
 * keep the promise); among those, whoever has the fewest open callbacks due no later than this one (the calls that
 * compete for the same time), then the fewest open callbacks in all, then by name so that the choice is the same
 * every time (a rebuild of the journal gives the same owners).
 */
public final class CallbackAssignment {

    private CallbackAssignment() {
    }

    /** An agent on shift, and when their shift ends (null: not known). */
    public record Candidate(String username, @Nullable Instant shiftEndsAt) {
    }

    /** An agent's open callbacks: those due no later than the new one, and all. */
    public record Load(long dueNoLater, long open) {
        static final Load NONE = new Load(0, 0);
    }

    public static Optional<String> choose(List<Candidate> candidates, Map<String, Load> loads, Instant dueAt) {
        Comparator<Candidate> order = Comparator
                .comparing((Candidate c) -> c.shiftEndsAt() != null && c.shiftEndsAt().isBefore(dueAt))
                .thenComparingLong(c -> loads.getOrDefault(c.username(), Load.NONE).dueNoLater())
                .thenComparingLong(c -> loads.getOrDefault(c.username(), Load.NONE).open())
                .thenComparing(Candidate::username);
        return candidates.stream().min(order).map(Candidate::username);
    }

    /** The loads from the due times of each agent's open callbacks (for tests and small lists). */
    public static Map<String, Load> loads(Map<String, List<Instant>> openDue, Instant dueAt) {
        Map<String, Load> out = new java.util.HashMap<>();
        openDue.forEach((owner, due) -> out.put(owner, new Load(due.stream().filter(d -> !d.isAfter(dueAt)).count(), due.size())));
        return out;
    }
}
