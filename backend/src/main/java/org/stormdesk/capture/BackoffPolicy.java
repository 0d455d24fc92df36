package org.stormdesk.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the CRM webhook tries a record again after a failure: 5 s, 30 s, 2 min, 10 min, 30 min, then hourly, until
 * {@code maxAttempts} attempts have failed; then the record waits in the work queue for a person.
 */
public record BackoffPolicy(int maxAttempts) {

    static final List<Duration> WAITS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1));

    public BackoffPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt");
        }
    }

    /** When to try again after {@code attempts} failed attempts, or empty when it is given up. */
    public Optional<Instant> retryAt(int attempts, Instant failedAt) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(WAITS.get(Math.min(attempts, WAITS.size()) - 1)));
    }
}
