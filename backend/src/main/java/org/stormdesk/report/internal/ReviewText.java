package org.stormdesk.report.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.report.ReportKinds;
import org.stormdesk.report.ReviewPolicy;
import org.stormdesk.report.db.ActionRepository;
import org.stormdesk.report.db.ActionRow;

import java.util.List;
import java.util.Locale;

/** How the review entries read in an incident's management log, in the reader's language. */
@Singleton
public class ReviewText implements EntryText {

    private final Messages messages;
    private final ActionRepository actions;

    public ReviewText(Messages messages, ActionRepository actions) {
        this.messages = messages;
        this.actions = actions;
    }

    @Override
    public boolean handles(String kind) {
        return ReportKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case ReportKinds.REVIEW_WRITTEN -> messages.get(locale, "log.report.reviewWritten", e.actor(),
                    e.payload().get("actions") instanceof List<?> l ? l.size() : 0);
            case ReportKinds.REVIEW_APPROVED -> messages.get(locale, "log.report.reviewApproved", e.actor());
            case ReportKinds.ACTION_UPDATED -> messages.get(locale,
                    ReviewPolicy.DONE.equals(e.text("state")) ? "log.report.actionDone" : "log.report.actionReopened",
                    e.actor(), java.util.Optional.ofNullable(ReportProjection.uuid(e.text("action"))).flatMap(actions::findById)
                            .map(ActionRow::text).orElse(""));
            default -> e.kind();
        };
    }
}
