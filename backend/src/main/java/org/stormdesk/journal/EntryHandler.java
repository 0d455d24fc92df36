package org.stormdesk.journal;

/**
 * A capability's say over the entries of its kinds. The journal calls it inside the one write
 * transaction, one entry at a time in sequence order: {@link #judge} before the entry is stored,
 * {@link #apply} right after, so the projection a later entry is judged against already holds the earlier ones.
 */
public interface EntryHandler {

    /** Whether this handler owns entries of this kind. */
    boolean handles(String kind);

    /** Whether the entry may be stored, and which incident it belongs to. Must not write anything. */
    Verdict judge(Entry entry, Actor actor);

    /** Brings the capability's projection up to date with a stored entry; also used to rebuild it. */
    void apply(StoredEntry entry);

    /** Forgets the projection, before a rebuild from the whole journal. */
    void reset();

    /**
     * Whether entries of this kind hold personal data that only their author (and an administrator, for audit)
     * may pull from the journal: everyone else reads them through the capability's own API, which checks roles,
     * masks and records each view.
     */
    default boolean authorOnly(String kind) {
        return false;
    }
}
