package org.stormdesk.report;

import java.util.Set;

/**
 * The journal entry kinds this capability owns (docs/sync-protocol.md), and the kinds of other capabilities its
 * reports count (read from the journal, so that the numbers need none of their code).
 */
public final class ReportKinds {

    /** A manager writes (or rewrites) the review of a resolved incident, with its follow-up actions. */
    public static final String REVIEW_WRITTEN = "review.written";
    /** Leadership approves the review as it stands. */
    public static final String REVIEW_APPROVED = "review.approved";
    /** An action's owner (or a manager) marks it done or open again. */
    public static final String ACTION_UPDATED = "review.action.updated";

    public static final Set<String> ALL = Set.of(REVIEW_WRITTEN, REVIEW_APPROVED, ACTION_UPDATED);

    /** Counted from other capabilities' entries. */
    public static final String CUSTOMER_CAPTURED = "customer.captured";
    public static final String CUSTOMER_BACKFILLED = "customer.backfilled";
    public static final String CUSTOMER_BACKFILL_REJECTED = "customer.backfill-rejected";
    public static final String CALLBACK_ATTEMPTED = "callback.attempted";
    /** Any entry of a kind starting with this, in an incident, marks the incident as a drill. */
    public static final String DRILL_PREFIX = "drill.";

    private ReportKinds() {
    }
}
