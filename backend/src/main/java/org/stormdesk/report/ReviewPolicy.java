package org.stormdesk.report;

import org.stormdesk.journal.Actor;

import java.util.Set;

/**
 * Who does what with reviews: a manager writes them; leadership approves them; an action's owner (or a manager)
 * marks it done or open again. Managers, leadership, supervisors and administrators read them; owners read the
 * reviews their actions come from.
 */
public final class ReviewPolicy {

    public static final String NONE = "none";
    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
    public static final String OPEN = "open";
    public static final String DONE = "done";
    public static final Set<String> ACTION_STATES = Set.of(OPEN, DONE);

    private ReviewPolicy() {
    }

    public static boolean mayWrite(Actor actor) {
        return actor.hasAny("manager");
    }

    public static boolean mayApprove(Actor actor) {
        return actor.hasAny("leadership");
    }

    public static boolean mayUpdate(Actor actor, String owner) {
        return actor.username().equals(owner) || actor.hasAny("manager");
    }

    public static boolean mayReadAll(Actor actor) {
        return actor.hasAny("manager", "leadership", "supervisor", "admin");
    }

    /** Who reads the reports and exports. */
    public static boolean mayReadReports(Actor actor) {
        return actor.hasAny("manager", "leadership", "admin");
    }
}
