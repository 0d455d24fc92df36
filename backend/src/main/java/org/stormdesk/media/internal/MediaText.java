package org.stormdesk.media.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.media.MediaKinds;
import org.stormdesk.media.db.InquiryRepository;
import org.stormdesk.media.db.InquiryRow;
import org.stormdesk.media.db.SpokespersonRepository;
import org.stormdesk.media.db.SpokespersonRow;

import java.util.Locale;
import java.util.Optional;

/** How the media entries read in an incident's management log, in the reader's language. */
@Singleton
public class MediaText implements EntryText {

    private final Messages messages;
    private final InquiryRepository inquiries;
    private final SpokespersonRepository spokespersons;

    public MediaText(Messages messages, InquiryRepository inquiries, SpokespersonRepository spokespersons) {
        this.messages = messages;
        this.inquiries = inquiries;
        this.spokespersons = spokespersons;
    }

    @Override
    public boolean handles(String kind) {
        return MediaKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case MediaKinds.INQUIRY_FILED -> messages.get(locale, "log.media.filed", e.actor(), e.text("outlet"),
                    e.text("name"), e.text("position"), e.text("subject"));
            case MediaKinds.INQUIRY_ACKNOWLEDGED, MediaKinds.INQUIRY_REFERRED, MediaKinds.INQUIRY_ANSWERED,
                 MediaKinds.INQUIRY_DECLINED -> messages.get(locale, "log." + e.kind(), e.actor(), outlet(e), note(e, locale));
            case MediaKinds.SPOKESPERSON_DESIGNATED -> {
                Optional<String> previous = spokespersons.findById(e.id()).map(SpokespersonRow::previous);
                yield previous.isPresent()
                        ? messages.get(locale, "log.media.redesignated", e.actor(), e.text("username"), previous.get())
                        : messages.get(locale, "log.media.designated", e.actor(), e.text("username"));
            }
            case MediaKinds.STATEMENT_DRAFTED -> messages.get(locale, "log.media.drafted", e.actor(),
                    messages.get(locale, "media.audience." + e.text("audience")));
            case MediaKinds.STATEMENT_REVIEWED -> messages.get(locale, "log.media.reviewed", e.actor(),
                    e.payload().get("version"), note(e, locale));
            case MediaKinds.STATEMENT_APPROVED -> messages.get(locale, "log.media.approved", e.actor(), e.payload().get("version"));
            default -> e.kind();
        };
    }

    private String outlet(StoredEntry e) {
        return MediaEntries.uuid(e.text("inquiry")).flatMap(inquiries::findById).map(InquiryRow::outlet).orElse("");
    }

    private String note(StoredEntry e, Locale locale) {
        return e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
    }
}
