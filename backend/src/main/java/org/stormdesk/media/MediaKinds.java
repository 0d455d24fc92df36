package org.stormdesk.media;

import java.util.Set;

/** The journal entry kinds this capability owns (docs/sync-protocol.md). */
public final class MediaKinds {

    /** Any staff member took a journalist's details (S8.1) with the S8.2 reminder on screen. */
    public static final String INQUIRY_FILED = "media.inquiry.filed";
    public static final String INQUIRY_ACKNOWLEDGED = "media.inquiry.acknowledged";
    public static final String INQUIRY_REFERRED = "media.inquiry.referred";
    public static final String INQUIRY_ANSWERED = "media.inquiry.answered";
    public static final String INQUIRY_DECLINED = "media.inquiry.declined";
    /** Leadership names the one spokesperson of an incident (S8.3); a later one replaces them. */
    public static final String SPOKESPERSON_DESIGNATED = "media.spokesperson.designated";
    public static final String STATEMENT_DRAFTED = "media.statement.drafted";
    public static final String STATEMENT_REVIEWED = "media.statement.reviewed";
    public static final String STATEMENT_APPROVED = "media.statement.approved";

    /** The actions on an inquiry, by the word the API and the entries use. */
    public static final Set<String> INQUIRY_ACTIONS = Set.of(INQUIRY_ACKNOWLEDGED, INQUIRY_REFERRED,
            INQUIRY_ANSWERED, INQUIRY_DECLINED);

    public static final Set<String> ALL = Set.of(INQUIRY_FILED, INQUIRY_ACKNOWLEDGED, INQUIRY_REFERRED,
            INQUIRY_ANSWERED, INQUIRY_DECLINED, SPOKESPERSON_DESIGNATED, STATEMENT_DRAFTED, STATEMENT_REVIEWED,
            STATEMENT_APPROVED);

    /** The notice the server records with each filed inquiry carries this reason. */
    public static final String NOTICE_REASON_FILED = "media.inquiry.filed";
    /** ... and the one to leadership when no manager acknowledged it in time. */
    public static final String NOTICE_REASON_UNACKNOWLEDGED = "media.inquiry.unacknowledged";

    private MediaKinds() {
    }
}
