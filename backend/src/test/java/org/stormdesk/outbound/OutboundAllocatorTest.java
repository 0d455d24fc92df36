package org.stormdesk.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation keeps the most important tasks covered within capacity and skills, and moves as little as it can. */
class OutboundAllocatorTest {

    static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");

    static OutboundAllocator.Agent agent(String name, int capacity, Set<String> skills) {
        return new OutboundAllocator.Agent(name, capacity, NOW, skills);
    }

    static OutboundAllocator.Task task(String id, int priority, int dueInMinutes, String skill, String current) {
        return new OutboundAllocator.Task(id, priority, NOW.plus(Duration.ofMinutes(dueInMinutes)), skill, current, false);
    }

    @Test
    void theMostImportantTasksAreCoveredWhenThereIsNotRoomForAll() {
        var agents = List.of(agent("a", 1, Set.of()), agent("b", 1, Set.of()));
        var tasks = List.of(task("low", 5, 60, null, null), task("urgent", 1, 60, null, null), task("soon", 3, 30, null, null),
                task("later", 3, 90, null, null));
        var result = OutboundAllocator.allocate(agents, tasks, NOW);
        assertThat(result.uncovered()).containsExactly("later", "low");
        assertThat(result.assignee()).containsKeys("urgent", "soon").doesNotContainEntry("urgent", null).doesNotContainEntry("soon", null);
        // in order of importance
        assertThat(result.assignee().keySet()).containsExactly("urgent", "soon", "later", "low");
    }

    @Test
    void aTaskOnlyOneAgentCanDoGetsItsPlaceByMovingAnotherAlongAPath() {
        // x and y have room for one each; "both" is placed first (x has the most room, ties to the first), then "zhOnly"
        // can only go to x: "both" moves to y
        var agents = List.of(agent("x", 1, Set.of("zh")), agent("y", 1, Set.of()));
        var tasks = List.of(task("both", 1, 60, null, null), task("zhOnly", 2, 60, "zh", null));
        var result = OutboundAllocator.allocate(agents, tasks, NOW);
        assertThat(result.uncovered()).isEmpty();
        assertThat(result.assignee()).containsEntry("zhOnly", "x").containsEntry("both", "y");
    }

    @Test
    void skillsAndDueTimesDecideWhoMayDoATask() {
        var late = new OutboundAllocator.Agent("late", 10, NOW.plus(Duration.ofHours(3)), Set.of("en"));
        var early = new OutboundAllocator.Agent("early", 10, NOW, Set.of());
        var tasks = List.of(task("en-soon", 1, 60, "en", null), task("en-later", 1, 300, "en", null),
                task("overdue", 1, -30, null, null), task("any-later", 2, 300, null, null));
        var result = OutboundAllocator.allocate(List.of(late, early), tasks, NOW);
        // nobody with English is there before it is due
        assertThat(result.uncovered()).containsExactly("en-soon");
        assertThat(result.assignee()).containsEntry("en-later", "late").containsEntry("overdue", "early");
        assertThat(OutboundAllocator.mayDo(late, task("overdue", 1, -30, null, null), NOW)).isFalse();
    }

    @Test
    void tasksStayWithTheirAgentWhenNothingChanged() {
        var agents = List.of(agent("a", 3, Set.of()), agent("b", 3, Set.of()));
        var tasks = List.of(task("1", 1, 60, null, "b"), task("2", 1, 60, null, "b"), task("3", 2, 60, null, "a"),
                task("4", 2, 60, null, null));
        var result = OutboundAllocator.allocate(agents, tasks, NOW);
        assertThat(result.assignee()).containsEntry("1", "b").containsEntry("2", "b").containsEntry("3", "a");
        // and running it on its own answer changes nothing
        var again = OutboundAllocator.allocate(agents, tasks.stream().map(t -> new OutboundAllocator.Task(t.id(), t.priority(), t.dueAt(),
                t.skill(), result.assignee().get(t.id()), false)).toList(), NOW);
        assertThat(again.assignee()).isEqualTo(result.assignee());
    }

    @Test
    void pinnedTasksStayWhereTheyAreAndTakeTheirAgentsRoom() {
        var agents = List.of(agent("a", 1, Set.of()), agent("b", 1, Set.of()));
        var pinned = new OutboundAllocator.Task("old", 9, NOW.plus(Duration.ofHours(1)), null, "a", true);
        var result = OutboundAllocator.allocate(agents, List.of(pinned, task("new1", 1, 60, null, null), task("new2", 1, 60, null, null)), NOW);
        assertThat(result.assignee()).containsEntry("old", "a");
        assertThat(result.assignee().values().stream().filter("b"::equals)).hasSize(1);
        assertThat(result.uncovered()).hasSize(1);
    }

    /**
     * On many small random cases, checked against every possible assignment: the covered tasks are the best in order of
     * importance (the first task of that order that one covers and the other does not is always covered by ours), and
     * as many as the best possible; capacity and eligibility are never broken.
     */
    @Test
    void matchesTheBestPossibleCoverageFoundByTryingEveryAssignment() {
        Random random = new Random(20261201);
        for (int round = 0; round < 400; round++) {
            int agentCount = 1 + random.nextInt(3);
            List<OutboundAllocator.Agent> agents = new ArrayList<>();
            for (int i = 0; i < agentCount; i++) {
                Set<String> skills = random.nextBoolean() ? Set.of("zh") : Set.of("en");
                Instant from = NOW.plus(Duration.ofMinutes(random.nextInt(3) * 60L));
                agents.add(new OutboundAllocator.Agent("a" + i, random.nextInt(3), from, skills));
            }
            int taskCount = 1 + random.nextInt(6);
            List<OutboundAllocator.Task> tasks = new ArrayList<>();
            for (int i = 0; i < taskCount; i++) {
                String skill = switch (random.nextInt(3)) {
                    case 0 -> "zh";
                    case 1 -> "en";
                    default -> null;
                };
                String current = random.nextInt(3) == 0 ? "a" + random.nextInt(agentCount) : null;
                tasks.add(task("t" + i, 1 + random.nextInt(3), -30 + random.nextInt(6) * 60, skill, current));
            }
            var result = OutboundAllocator.allocate(agents, tasks, NOW);

            Map<String, Integer> used = new HashMap<>();
            for (var t : tasks) {
                String who = result.assignee().get(t.id());
                if (who != null) {
                    var a = agents.stream().filter(x -> x.username().equals(who)).findFirst().orElseThrow();
                    assertThat(OutboundAllocator.mayDo(a, t, NOW)).isTrue();
                    used.merge(who, 1, Integer::sum);
                }
            }
            for (var a : agents) {
                assertThat(used.getOrDefault(a.username(), 0)).isLessThanOrEqualTo(a.capacity());
            }
            List<OutboundAllocator.Task> order = tasks.stream().sorted(OutboundAllocator.IMPORTANCE).toList();
            boolean[] ours = new boolean[order.size()];
            for (int i = 0; i < order.size(); i++) {
                ours[i] = result.assignee().get(order.get(i).id()) != null;
            }
            boolean[] best = best(agents, order);
            assertThat(ours).as("round %d: %s %s", round, agents, tasks).isEqualTo(best);
        }
    }

    /** The lexicographically best coverage in order of importance, by trying every assignment. */
    static boolean[] best(List<OutboundAllocator.Agent> agents, List<OutboundAllocator.Task> order) {
        boolean[] best = new boolean[order.size()];
        search(agents, order, 0, new int[agents.size()], new boolean[order.size()], best);
        return best;
    }

    static void search(List<OutboundAllocator.Agent> agents, List<OutboundAllocator.Task> order, int i, int[] used, boolean[] now,
                       boolean[] best) {
        if (i == order.size()) {
            for (int k = 0; k < now.length; k++) {
                if (now[k] != best[k]) {
                    if (now[k]) {
                        System.arraycopy(now, 0, best, 0, now.length);
                    }
                    return;
                }
            }
            return;
        }
        for (int a = 0; a < agents.size(); a++) {
            if (used[a] < agents.get(a).capacity() && OutboundAllocator.mayDo(agents.get(a), order.get(i), NOW)) {
                used[a]++;
                now[i] = true;
                search(agents, order, i + 1, used, now, best);
                now[i] = false;
                used[a]--;
            }
        }
        search(agents, order, i + 1, used, now, best);
    }

    @Test
    void aLargeDayIsAllocatedAndStaysWithinCapacity() {
        List<OutboundAllocator.Agent> agents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            agents.add(agent("agent" + i, 40, i % 3 == 0 ? Set.of("en", "zh") : Set.of("zh")));
        }
        List<OutboundAllocator.Task> tasks = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            tasks.add(task("t" + i, 1 + random.nextInt(5), 30 + random.nextInt(600), random.nextInt(4) == 0 ? "en" : null, null));
        }
        var result = OutboundAllocator.allocate(agents, tasks, NOW);
        // 60 × 40 = 2,400 places; English speakers have 20 × 40 = 800 of them
        assertThat(tasks.size() - result.uncovered().size()).isEqualTo(2400);
        Map<String, Integer> used = new HashMap<>();
        result.assignee().values().stream().filter(v -> v != null).forEach(v -> used.merge(v, 1, Integer::sum));
        assertThat(used.values()).allMatch(n -> n <= 40);
        // what is left uncovered is never more important than anything covered that it could have taken
        int worstCovered = tasks.stream().filter(t -> result.assignee().get(t.id()) != null && t.skill() == null)
                .max(Comparator.comparingInt(OutboundAllocator.Task::priority)).orElseThrow().priority();
        assertThat(tasks.stream().filter(t -> result.uncovered().contains(t.id()) && t.skill() == null))
                .allMatch(t -> t.priority() >= worstCovered);
    }
}
