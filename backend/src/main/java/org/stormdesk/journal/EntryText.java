package org.stormdesk.journal;

import java.util.Locale;

/**
 * Says in words what an entry of a capability's own kinds records, in the reader's language: how the
 * management log reads entries whose kinds the log's owner does not know.
 */
public interface EntryText {

    /** Whether this says the entries of this kind. */
    boolean handles(String kind);

    /** One sentence for the entry, in the reader's language. */
    String text(StoredEntry entry, Locale locale);
}
