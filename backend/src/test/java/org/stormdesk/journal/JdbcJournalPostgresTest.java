package org.stormdesk.journal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.OnFreshPostgres;

import java.sql.Connection;

/** The journal contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcJournalPostgresTest extends JournalContract implements OnFreshPostgres {

    @Inject
    TransactionOperations<Connection> jdbc;

    @Override
    protected void tamperWithPayload(long seq, String json) {
        Tampering.updatePayload(jdbc, seq, json);
    }
}
