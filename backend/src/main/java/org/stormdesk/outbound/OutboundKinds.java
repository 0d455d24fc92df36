package org.stormdesk.outbound;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class OutboundKinds {

    /**
     * A call in the daily plan (the entry's id is the task's): {@code day}, {@code campaign}, {@code customerName},
     * {@code phone}, {@code priority} (1 most important), {@code dueAt}, {@code skill}?, {@code note}?, {@code assignee}?.
     */
    public static final String PLANNED = "outbound.planned";
    /**
     * A reallocation the manager applied: {@code reallocation} (its id, shared by the entries of one large
     * reallocation), {@code moves}: [{@code taskId}, {@code to}? (absent: to nobody)].
     */
    public static final String REALLOCATED = "outbound.reallocated";
    /** An agent called: {@code taskId}, {@code outcome}, {@code note}?. */
    public static final String ATTEMPTED = "outbound.attempted";

    public static final Set<String> ALL = Set.of(PLANNED, REALLOCATED, ATTEMPTED);

    /** The call met its purpose: the task is done. */
    public static final String DONE = "done";
    /** Outcomes that close the task at once without it being done. */
    public static final Set<String> CLOSING = Set.of("refused", "wrong-number");
    public static final Set<String> OUTCOMES = Set.of(DONE, "no-answer", "busy", "call-later", "refused", "wrong-number");

    private OutboundKinds() {
    }
}
