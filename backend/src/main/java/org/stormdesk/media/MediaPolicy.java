package org.stormdesk.media;

import org.stormdesk.journal.Actor;

import java.util.Optional;

/**
 * Who may do what with the media (S8.1 to S8.3), and which way an inquiry may move. Any staff member takes a
 * journalist's details; the manager (or leadership) handles the inquiry; only leadership designates the
 * spokesperson and reviews and approves statements; drafts are for the manager, the spokesperson and leadership.
 */
public final class MediaPolicy {

    public static final String[] HANDLE = {"manager", "leadership"};
    public static final String[] LEADERSHIP = {"leadership"};
    public static final String[] DRAFT = {"manager", "spokesperson", "leadership"};
    public static final String[] READ_REGISTER = {"manager", "leadership", "spokesperson", "admin"};
    public static final String[] READ_DRAFTS = {"manager", "spokesperson", "leadership", "admin"};

    private MediaPolicy() {
    }

    public static boolean mayHandle(Actor actor) {
        return actor.hasAny(HANDLE);
    }

    public static boolean mayLead(Actor actor) {
        return actor.hasAny(LEADERSHIP);
    }

    public static boolean mayDraft(Actor actor) {
        return actor.hasAny(DRAFT);
    }

    public static boolean mayReadDrafts(Actor actor) {
        return actor.hasAny(READ_DRAFTS);
    }

    /**
     * The state an inquiry moves to when an action is recorded on it in a given state, or empty when the action
     * does not apply there: new, then with the manager, then referred to the spokesperson, then answered or declined
     * (an answered or declined inquiry is closed). A step may be skipped (a manager may answer a new inquiry), never
     * taken back.
     */
    public static Optional<InquiryState> next(InquiryState state, String action) {
        InquiryState to = switch (action) {
            case MediaKinds.INQUIRY_ACKNOWLEDGED -> InquiryState.WITH_MANAGER;
            case MediaKinds.INQUIRY_REFERRED -> InquiryState.REFERRED;
            case MediaKinds.INQUIRY_ANSWERED -> InquiryState.ANSWERED;
            case MediaKinds.INQUIRY_DECLINED -> InquiryState.DECLINED;
            default -> null;
        };
        if (to == null || state.closed() || to.ordinal() <= state.ordinal() && !to.closed()) {
            return Optional.empty();
        }
        return Optional.of(to);
    }
}
