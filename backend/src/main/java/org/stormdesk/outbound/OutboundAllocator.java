package org.stormdesk.outbound;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who does which outbound task: the most important tasks covered within the agents' capacity and skills.
 *
 * <p>Tasks are taken in order of importance (priority, then the nearest due time). Each is given to an agent who may
 * do it (has its skill, and is available before it is due, or now if it is already overdue) and has room: its present
 * agent if possible, else the one with the most room left; when every such agent is full, the task is put in by an
 * augmenting path: a task already given moves to another agent who may do it and has room, possibly through a chain of
 * such moves. A task that cannot be put in even so stays uncovered.
 *
 * <p>Agents' capacities and tasks form a transversal matroid, so this greedy order covers, among all assignments, the
 * best set of tasks in the order of importance: no less important task is ever covered at the cost of a more important
 * one, and no more tasks could be covered without giving one up. Moves are kept few by trying the present agent
 * first, and never move a pinned task (one the import keeps where it is). A failed search is remembered by the agents it
 * reached, so a later task that may only go to agents within that set is not searched again (it cannot fit either).
 */
public final class OutboundAllocator {

    /**
     * An agent's room for outbound work.
     *
     * @param capacity      how many open tasks the agent can still do
     * @param availableFrom from when the agent can work them (now, or a later shift start)
     */
    public record Agent(String username, int capacity, Instant availableFrom, Set<String> skills) {
    }

    /**
     * A task to place. {@code priority}: 1 is the most important. {@code skill}: null when anyone may do it.
     * {@code pinned}: must stay with its current agent.
     */
    public record Task(String id, int priority, Instant dueAt, @Nullable String skill, @Nullable String current, boolean pinned) {
    }

    /** The agent for each task id (null: uncovered), in order of importance. */
    public record Result(Map<String, String> assignee, List<String> uncovered) {
    }

    public static final Comparator<Task> IMPORTANCE = Comparator.comparingInt(Task::priority)
            .thenComparing(Task::dueAt).thenComparing(Task::id);

    private OutboundAllocator() {
    }

    public static Result allocate(List<Agent> agents, List<Task> tasks, Instant now) {
        int n = agents.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(agents.get(i).username(), i);
        }
        int[] room = new int[n];
        for (int i = 0; i < n; i++) {
            room[i] = Math.max(0, agents.get(i).capacity());
        }
        List<List<Task>> given = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            given.add(new ArrayList<>());
        }
        Map<String, Integer> holder = new LinkedHashMap<>();
        Map<String, BitSet> eligible = new HashMap<>();
        List<BitSet> failed = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        List<Task> ordered = tasks.stream().sorted(Comparator.comparing((Task t) -> !t.pinned()).thenComparing(IMPORTANCE)).toList();

        for (Task task : ordered) {
            BitSet may = new BitSet(n);
            for (int i = 0; i < n; i++) {
                if (mayDo(agents.get(i), task, now)) {
                    may.set(i);
                }
            }
            eligible.put(task.id(), may);
            Integer present = task.current() == null ? null : index.get(task.current());
            if (task.pinned()) {
                // stays where it is, even beyond the agent's room (which is then taken)
                if (present != null) {
                    place(task, present, room, given, holder);
                }
                continue;
            }
            if (present != null && may.get(present) && room[present] > 0) {
                place(task, present, room, given, holder);
                continue;
            }
            int best = -1;
            for (int i = may.nextSetBit(0); i >= 0; i = may.nextSetBit(i + 1)) {
                if (room[i] > 0 && (best < 0 || room[i] > room[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                place(task, best, room, given, holder);
                continue;
            }
            if (may.isEmpty() || failed.stream().anyMatch(f -> within(may, f))) {
                uncovered.add(task.id());
                continue;
            }
            BitSet reached = new BitSet(n);
            if (!augment(task, may, room, given, holder, eligible, reached, n)) {
                failed.add(reached);
                uncovered.add(task.id());
            }
        }
        Map<String, String> assignee = new LinkedHashMap<>();
        for (Task t : tasks.stream().sorted(IMPORTANCE).toList()) {
            Integer at = holder.get(t.id());
            assignee.put(t.id(), t.pinned() ? t.current() : at == null ? null : agents.get(at).username());
        }
        return new Result(assignee, tasks.stream().sorted(IMPORTANCE).map(Task::id).filter(uncovered::contains).toList());
    }

    /** Whether an agent may do a task: the skill, and available before it is due (or now, for an overdue task). */
    public static boolean mayDo(Agent agent, Task task, Instant now) {
        if (task.skill() != null && !agent.skills().contains(task.skill())) {
            return false;
        }
        return agent.availableFrom().isBefore(task.dueAt()) || !agent.availableFrom().isAfter(now);
    }

    private static boolean within(BitSet set, BitSet of) {
        BitSet rest = (BitSet) set.clone();
        rest.andNot(of);
        return rest.isEmpty();
    }

    private static void place(Task task, int agent, int[] room, List<List<Task>> given, Map<String, Integer> holder) {
        room[agent]--;
        given.get(agent).add(task);
        holder.put(task.id(), agent);
    }

    /**
     * Breadth-first search over agents from those who may do the task: from a full agent, any movable task it holds
     * may move to another agent who may do it. Reaching an agent with room frees a place along the path back.
     */
    private static boolean augment(Task task, BitSet may, int[] room, List<List<Task>> given, Map<String, Integer> holder,
                                   Map<String, BitSet> eligible, BitSet reached, int n) {
        int[] cameFrom = new int[n];
        Task[] moved = new Task[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = may.nextSetBit(0); i >= 0; i = may.nextSetBit(i + 1)) {
            reached.set(i);
            cameFrom[i] = -1;
            queue.add(i);
        }
        while (!queue.isEmpty()) {
            int a = queue.poll();
            for (Task held : given.get(a)) {
                if (held.pinned()) {
                    continue;
                }
                BitSet next = eligible.get(held.id());
                for (int b = next.nextSetBit(0); b >= 0; b = next.nextSetBit(b + 1)) {
                    if (reached.get(b)) {
                        continue;
                    }
                    reached.set(b);
                    cameFrom[b] = a;
                    moved[b] = held;
                    if (room[b] > 0) {
                        // b takes the task from a, a takes the one from before it, ... the first agent takes the new task
                        int at = b;
                        while (cameFrom[at] >= 0) {
                            Task t = moved[at];
                            int from = cameFrom[at];
                            given.get(from).remove(t);
                            room[from]++;
                            place(t, at, room, given, holder);
                            at = from;
                        }
                        place(task, at, room, given, holder);
                        return true;
                    }
                    queue.add(b);
                }
            }
        }
        return false;
    }
}
