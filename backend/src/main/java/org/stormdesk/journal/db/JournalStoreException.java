package org.stormdesk.journal.db;

import java.sql.SQLException;

/** The journal's database failed; nothing of the transaction was kept. */
public class JournalStoreException extends RuntimeException {

    public JournalStoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
