package org.stormdesk.journal;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The journal contract on the embedded default: H2 in PostgreSQL mode. */
@MicronautTest(environments = "demo", transactional = false)
class JdbcJournalH2Test extends JournalContract {

    @Inject
    TransactionOperations<Connection> jdbc;

    @Override
    protected void tamperWithPayload(long seq, String json) {
        Tampering.updatePayload(jdbc, seq, json);
    }
}
