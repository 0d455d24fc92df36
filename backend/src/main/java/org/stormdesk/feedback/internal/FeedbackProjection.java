package org.stormdesk.feedback.internal;

import jakarta.inject.Singleton;
import org.stormdesk.feedback.FeedbackKinds;
import org.stormdesk.feedback.db.ProblemRepository;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.notify.NoticeKinds;

/** Marks a problem escalated when the notice about its missed deadline is stored (so a rebuild finds it so too). */
@Singleton
public class FeedbackProjection implements JournalProjection {

    private final ProblemRepository problems;

    public FeedbackProjection(ProblemRepository problems) {
        this.problems = problems;
    }

    @Override
    public void apply(StoredEntry e) {
        if (NoticeKinds.NOTICE_REQUESTED.equals(e.kind())
                && FeedbackKinds.NOTICE_REASON_UNANSWERED.equals(e.text("reason"))) {
            FeedbackEntries.uuid(e.text("problem")).ifPresent(id -> problems.escalated(id, e.receivedAt()));
        }
    }
}
