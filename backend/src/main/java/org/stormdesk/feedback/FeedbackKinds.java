package org.stormdesk.feedback;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class FeedbackKinds {

    /** The detector raised a suspected problem and routed it to its department (server only). */
    public static final String PROBLEM_RAISED = "feedback.problem.raised";
    /** The department (or a manager) confirmed it: it became or joined a website-failure incident. */
    public static final String PROBLEM_CONFIRMED = "feedback.problem.confirmed";
    /** The department (or a manager) dismissed it, with a reason. */
    public static final String PROBLEM_DISMISSED = "feedback.problem.dismissed";
    /** An agent's "many customers are saying this", a strong signal for the detector. */
    public static final String FLAG_RAISED = "feedback.flag.raised";

    /** The {@code reason} of the notice that routes a problem, and of the one when nobody answered in time. */
    public static final String NOTICE_REASON_RAISED = "feedback.problem.raised";
    public static final String NOTICE_REASON_UNANSWERED = "feedback.problem.unanswered";

    public static final Set<String> ALL = Set.of(PROBLEM_RAISED, PROBLEM_CONFIRMED, PROBLEM_DISMISSED, FLAG_RAISED);

    private FeedbackKinds() {
    }
}
