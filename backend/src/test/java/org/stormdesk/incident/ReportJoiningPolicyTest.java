package org.stormdesk.incident;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJoiningPolicyTest {

    static final Instant T = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void equipmentIsScopedToTheSeatAndEverythingElseToTheCenter() {
        assertThat(ReportJoiningPolicy.scopeOf(IncidentKind.EQUIPMENT, "A-01", "agent1")).isEqualTo("seat:A-01");
        assertThat(ReportJoiningPolicy.scopeOf(IncidentKind.EQUIPMENT, null, "agent1")).isEqualTo("person:agent1");
        assertThat(ReportJoiningPolicy.scopeOf(IncidentKind.SYSTEM, "A-01", "agent1")).isEqualTo("center");
    }

    @Test
    void aReportJoinsTheOpenIncidentAndMayHaveSeenItUpToTwoHoursEarlier() {
        UUID open = UUID.randomUUID();
        var candidates = List.of(new ReportJoiningPolicy.Candidate(open, T, null));
        assertThat(ReportJoiningPolicy.choose(candidates, T.plus(Duration.ofMinutes(5)))).contains(open);
        assertThat(ReportJoiningPolicy.choose(candidates, T.minus(Duration.ofMinutes(90)))).contains(open);
        assertThat(ReportJoiningPolicy.choose(candidates, T.minus(Duration.ofHours(3)))).isEmpty();
    }

    @Test
    void aResolvedIncidentTakesOnlyReportsRecordedWhileItRan() {
        UUID resolved = UUID.randomUUID();
        var candidates = List.of(new ReportJoiningPolicy.Candidate(resolved, T, T.plus(Duration.ofMinutes(30))));
        assertThat(ReportJoiningPolicy.choose(candidates, T.plus(Duration.ofMinutes(10)))).contains(resolved);
        assertThat(ReportJoiningPolicy.choose(candidates, T.plus(Duration.ofMinutes(31)))).isEmpty();
        assertThat(ReportJoiningPolicy.choose(candidates, T.minus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void anOpenIncidentIsPreferredOverAResolvedOneThatAlsoCoversTheTime() {
        UUID resolved = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        var candidates = List.of(
                new ReportJoiningPolicy.Candidate(resolved, T.minus(Duration.ofHours(1)), T.plus(Duration.ofMinutes(1))),
                new ReportJoiningPolicy.Candidate(open, T.plus(Duration.ofMinutes(30)), null));
        assertThat(ReportJoiningPolicy.choose(candidates, T)).contains(open);
    }
}
