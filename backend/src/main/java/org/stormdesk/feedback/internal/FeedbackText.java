package org.stormdesk.feedback.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.feedback.FeedbackKinds;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;

import java.util.Locale;
import java.util.Map;

/** How the feedback entries read in an incident's management log (a confirmation, with its evidence). */
@Singleton
public class FeedbackText implements EntryText {

    private final Messages messages;
    private final FeedbackEntries entries;

    public FeedbackText(Messages messages, FeedbackEntries entries) {
        this.messages = messages;
        this.entries = entries;
    }

    @Override
    public boolean handles(String kind) {
        return FeedbackKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        Map<?, ?> evidence = e.payload().get("evidence") instanceof Map<?, ?> m ? m : Map.of();
        String note = e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
        return switch (e.kind()) {
            case FeedbackKinds.PROBLEM_CONFIRMED -> messages.get(locale, "log.feedback.confirmed", e.actor(),
                    messages.get(locale, "reason".equals(evidence.get("kind")) ? "feedback.label.reason" : "feedback.label.phrase",
                            String.valueOf(evidence.get("label"))), evidence.get("contacts"), evidence.get("ratio"), note);
            case FeedbackKinds.PROBLEM_DISMISSED -> messages.get(locale, "log.feedback.dismissed", e.actor(), e.text("note"));
            case FeedbackKinds.FLAG_RAISED -> messages.get(locale, "log.feedback.flag", e.actor(), e.text("text"));
            default -> messages.get(locale, "log.feedback.raised", entries.describe(String.valueOf(e.text("label")), locale));
        };
    }
}
