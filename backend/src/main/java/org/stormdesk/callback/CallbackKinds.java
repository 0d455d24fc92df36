package org.stormdesk.callback;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md), and the one it listens to. */
public final class CallbackKinds {

    /** Someone called the customer back: {@code taskId}, {@code outcome}, {@code note}?. */
    public static final String ATTEMPTED = "callback.attempted";
    /** A manager or team lead gives the task to someone else: {@code taskId}, {@code to}. */
    public static final String REASSIGNED = "callback.reassigned";

    public static final Set<String> ALL = Set.of(ATTEMPTED, REASSIGNED);

    /** Capture's entry (its contract is fixed; capture judges it): a promised callback in it becomes a task. */
    public static final String CUSTOMER_CAPTURED = "customer.captured";
    /** Capture's purge of captured customers past retention: their tasks go with them. */
    public static final String CUSTOMER_PURGED = "customer.purged";

    public static final String REACHED = "reached";
    public static final Set<String> OUTCOMES = Set.of(REACHED, "no-answer", "busy", "wrong-number", "left-message");

    private CallbackKinds() {
    }
}
