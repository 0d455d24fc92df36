package org.stormdesk.notify;

/** The journal entry kinds this capability owns, and the ones it listens to (docs/sync-protocol.md). */
public final class NoticeKinds {

    /** Someone (a person or the server) asks for a notice to an audience: {audience, message, reason?}. */
    public static final String NOTICE_REQUESTED = "notice.requested";
    /** A delivery reached its channel: {delivery, channel, recipient, attempt}. Server only. */
    public static final String NOTICE_DELIVERED = "notice.delivered";
    /** A delivery failed and will be tried again: {delivery, channel, recipient, attempt, error, retryAt}. Server only. */
    public static final String NOTICE_FAILED = "notice.failed";
    /** A delivery failed for the last time: {delivery, channel, recipient, attempt, error}. Server only. */
    public static final String NOTICE_GIVEN_UP = "notice.given_up";

    /** Recorded by the escalation timers: {timer, level, clause, audience, ackWithin?, message}. */
    public static final String ESCALATION_FIRED = "escalation.fired";
    /** What a one-tap acknowledgement link records, as the person: {firing}. */
    public static final String ESCALATION_ACKNOWLEDGED = "escalation.acknowledged";

    private NoticeKinds() {
    }
}
