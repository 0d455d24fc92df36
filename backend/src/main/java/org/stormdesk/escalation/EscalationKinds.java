package org.stormdesk.escalation;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class EscalationKinds {

    public static final String STEP_DONE = "step.done";
    public static final String STEP_SKIPPED = "step.skipped";
    public static final String CALL_REACHED = "call.reached";
    public static final String CALL_UNREACHED = "call.unreached";
    /** Recorded by the server when a timer's level falls due: what the notifications deliver. */
    public static final String ESCALATION_FIRED = "escalation.fired";
    public static final String ESCALATION_ACKNOWLEDGED = "escalation.acknowledged";
    /** Recorded by the server when a pending level became unnecessary (the incident was resolved, ...). */
    public static final String ESCALATION_CANCELLED = "escalation.cancelled";

    public static final Set<String> ALL = Set.of(STEP_DONE, STEP_SKIPPED, CALL_REACHED, CALL_UNREACHED,
            ESCALATION_FIRED, ESCALATION_ACKNOWLEDGED, ESCALATION_CANCELLED);

    private EscalationKinds() {
    }
}
