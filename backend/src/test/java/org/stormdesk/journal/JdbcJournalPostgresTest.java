package org.stormdesk.journal;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.Postgres;

import java.util.Map;

/** The journal contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcJournalPostgresTest extends JournalContract implements TestPropertyProvider {

    private String database;

    @Inject
    TransactionOperations<Connection> jdbc;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = Postgres.freshDatabase();
        database = props.get("stormdesk.test.database");
        return props;
    }

    @AfterAll
    void dropDatabase() {
        Postgres.drop(database);
    }

    @Override
    protected void tamperWithPayload(long seq, String json) {
        Tampering.updatePayload(jdbc, seq, json);
    }
}
