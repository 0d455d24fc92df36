package org.stormdesk.journal;

/**
 * A read model kept by a capability from entries it does not own (a notification outbox fed by
 * escalations, a report fed by incidents). The journal calls every projection with every stored entry,
 * inside the transaction that stores it and after the owner's {@link EntryHandler#apply}; it must ignore
 * kinds it does not care about, and be idempotent (a rebuild calls it again with every entry).
 */
public interface JournalProjection {

    void apply(StoredEntry entry);

    /** Forgets what can be rebuilt, before a rebuild from the whole journal (may keep what must not be redone). */
    default void reset() {
    }
}
