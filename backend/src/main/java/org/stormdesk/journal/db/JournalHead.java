package org.stormdesk.journal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one row of {@code journal_head}: its lock serializes the journal's writers on every node sharing the
 * SQL database, and it holds the last sequence number whose entry the projections have taken in.
 */
final class JournalHead {

    private JournalHead() {
    }

    /** Locks the row until the transaction ends and answers the sequence number it holds. */
    static long lock(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_seq FROM journal_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("journal_head has no row: the migrations did not run");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JournalStoreException(e);
        }
    }

    static void set(Connection connection, long seq) {
        try (PreparedStatement h = connection.prepareStatement("UPDATE journal_head SET last_seq = ? WHERE id = 1")) {
            h.setLong(1, seq);
            h.executeUpdate();
        } catch (SQLException e) {
            throw new JournalStoreException(e);
        }
    }
}
