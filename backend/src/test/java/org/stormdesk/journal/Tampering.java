package org.stormdesk.journal;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Edits the journal table behind the application's back, as someone with database access could. */
final class Tampering {

    private Tampering() {
    }

    static void updatePayload(TransactionOperations<Connection> tx, long seq, String json) {
        int changed = tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("UPDATE journal_entry SET payload = ? WHERE seq = ?")) {
                ps.setString(1, json);
                ps.setLong(2, seq);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (changed != 1) {
            throw new IllegalStateException("No entry " + seq);
        }
    }
}
