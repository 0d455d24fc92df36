package org.stormdesk.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    static final Instant T = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void waitsLongerAfterEachFailureThenGivesUp() {
        Backoff policy = new Backoff(8);
        assertThat(policy.retryAt(1, T)).contains(T.plusSeconds(5));
        assertThat(policy.retryAt(2, T)).contains(T.plusSeconds(30));
        assertThat(policy.retryAt(3, T)).contains(T.plus(Duration.ofMinutes(2)));
        assertThat(policy.retryAt(4, T)).contains(T.plus(Duration.ofMinutes(10)));
        assertThat(policy.retryAt(5, T)).contains(T.plus(Duration.ofMinutes(30)));
        assertThat(policy.retryAt(7, T)).contains(T.plus(Duration.ofHours(1)));
        assertThat(policy.retryAt(8, T)).isEmpty();
    }
}
