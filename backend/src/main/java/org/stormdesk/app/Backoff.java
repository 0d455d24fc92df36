package org.stormdesk.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When something that failed against another system (a notification channel, the CRM) is tried again: 5 s after
 * the first failure, then 30 s, 2 min, 10 min, 30 min, and every hour after that, until the last allowed attempt
 * has failed; then it is given up (and waits for a person).
 */
public record Backoff(int maxAttempts) {

    static final List<Duration> WAITS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1));

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt");
        }
    }

    /** When to try again after {@code attempts} failed attempts, or empty when it is to be given up. */
    public Optional<Instant> retryAt(int attempts, Instant failedAt) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(WAITS.get(Math.min(attempts, WAITS.size()) - 1)));
    }
}
