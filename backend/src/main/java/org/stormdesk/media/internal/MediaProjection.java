package org.stormdesk.media.internal;

import jakarta.inject.Singleton;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.media.MediaKinds;
import org.stormdesk.media.db.InquiryRepository;
import org.stormdesk.notify.NoticeKinds;

import java.util.UUID;

/** Marks an inquiry escalated when the notice to leadership about it is stored (so a rebuild finds it so too). */
@Singleton
public class MediaProjection implements JournalProjection {

    private final InquiryRepository inquiries;

    public MediaProjection(InquiryRepository inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    public void apply(StoredEntry e) {
        if (NoticeKinds.NOTICE_REQUESTED.equals(e.kind())
                && MediaKinds.NOTICE_REASON_UNACKNOWLEDGED.equals(e.text("reason"))) {
            MediaEntries.uuid(e.text("inquiry")).ifPresent((UUID id) -> inquiries.escalated(id, e.receivedAt()));
        }
    }
}
