package org.stormdesk.journal.internal;

import org.stormdesk.journal.StoredEntry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where the journal's entries are kept. Writes happen only through {@link #write}, one writer at a time,
 * so that sequence numbers commit in the order they are handed out.
 */
public interface JournalStore {

    /** The stream of entries that belong to no incident. */
    String JOURNAL_STREAM = "journal";

    /** Runs the work in one transaction that holds the journal's write lock; all or nothing. */
    <T> T write(Function<Writer, T> work);

    /** Up to {@code limit} entries with a sequence number above {@code after}, in order. */
    List<StoredEntry> after(long after, int limit);

    /** Every entry of a stream (an incident's id, or {@link #JOURNAL_STREAM}), in order. */
    List<StoredEntry> stream(String stream);

    Optional<StoredEntry> byId(UUID id);

    /** The highest sequence number committed. */
    long head();

    /** What the store lets the sequencer do inside its write transaction. */
    interface Writer {

        /** Takes the journal's write lock (held until commit) and answers the last sequence number. */
        long lockHead();

        /** The sequence numbers of those ids that are already stored. */
        Map<UUID, Long> existing(Collection<UUID> ids);

        /** The hash of the last entry of a stream, or empty when the stream has none. */
        Optional<String> lastHash(String stream);

        /**
         * Entries the store holds that the projections have not taken in yet (after a crash between storing
         * them and committing the projections, on a store outside the SQL database); applied before anything new.
         */
        default List<StoredEntry> unprojected() {
            return List.of();
        }

        /** Stores entries whose sequence numbers follow the head, and moves the head to the last one. */
        void append(List<StoredEntry> entries);
    }
}
