package org.stormdesk.journal;

import java.util.List;

/** Told, after each commit, which entries were stored, in sequence order. Must return quickly. */
public interface JournalListener {

    void stored(List<StoredEntry> entries);
}
