package org.stormdesk.escalation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compliance rule alone: steps and timers on time, late, missed, skipped, pending or not needed. */
class ComplianceTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aStepDoneByItsDeadlineIsOnTimeAfterItLateAndNeverMissed() {
        assertThat(Compliance.ofStep("done", at(9), at(10), null)).isEqualTo(Compliance.ON_TIME);
        assertThat(Compliance.ofStep("done", at(10), at(10), null)).isEqualTo(Compliance.ON_TIME);
        assertThat(Compliance.ofStep("done", at(11), at(10), null)).isEqualTo(Compliance.LATE);
        assertThat(Compliance.ofStep("done", at(500), null, null)).isEqualTo(Compliance.ON_TIME);
        assertThat(Compliance.ofStep(null, null, at(10), null)).isEqualTo(Compliance.PENDING);
        assertThat(Compliance.ofStep(null, null, at(10), at(30))).isEqualTo(Compliance.MISSED);
        assertThat(Compliance.ofStep("skipped", at(5), at(10), at(30))).isEqualTo(Compliance.SKIPPED);
    }

    static Compliance.Level fired(int level, int due, int firedAt, Integer acknowledged, Integer ackWithin) {
        return new Compliance.Level(level, at(due), at(firedAt), acknowledged == null ? null : at(acknowledged),
                ackWithin == null ? null : Duration.ofMinutes(ackWithin), false);
    }

    @Test
    void aTimerIsOnTimeWhenAcknowledgedWithinItsAckWithinLateAfterAndMissedWithout() {
        assertThat(Compliance.ofTimer(List.of(fired(1, 60, 60, 65, 10)), null, at(70))).isEqualTo(Compliance.ON_TIME);
        // level 1 unanswered, level 2 answered at 72: the chain was answered, but after level 1's ten minutes
        assertThat(Compliance.ofTimer(List.of(fired(1, 60, 60, null, 10), fired(2, 70, 70, 72, null)), null, at(80)))
                .isEqualTo(Compliance.LATE);
        assertThat(Compliance.ofTimer(List.of(fired(1, 60, 60, null, 10)), null, at(65))).isEqualTo(Compliance.PENDING);
        assertThat(Compliance.ofTimer(List.of(fired(1, 60, 60, null, 10)), null, at(71))).isEqualTo(Compliance.MISSED);
        assertThat(Compliance.ofTimer(List.of(fired(1, 60, 60, null, 10)), at(65), at(90))).isEqualTo(Compliance.ON_TIME);
        assertThat(Compliance.ofTimer(List.of(fired(1, 60, 60, null, 10)), at(80), at(90))).isEqualTo(Compliance.MISSED);
    }

    @Test
    void aTimerThatAsksNoAcknowledgementIsJudgedByWhenItFired() {
        assertThat(Compliance.ofTimer(List.of(fired(1, 30, 30, null, null)), null, at(40))).isEqualTo(Compliance.ON_TIME);
        assertThat(Compliance.ofTimer(List.of(fired(1, 30, 45, null, null)), null, at(50))).isEqualTo(Compliance.LATE);
    }

    @Test
    void aTimerThatNeverFiredIsPendingOrNotNeeded() {
        Compliance.Level pending = new Compliance.Level(1, at(60), null, null, Duration.ofMinutes(10), true);
        Compliance.Level cancelled = new Compliance.Level(1, at(60), null, null, Duration.ofMinutes(10), false);
        assertThat(Compliance.ofTimer(List.of(pending), null, at(30))).isEqualTo(Compliance.PENDING);
        assertThat(Compliance.ofTimer(List.of(cancelled), at(30), at(90))).isEqualTo(Compliance.NOT_NEEDED);
    }
}
