package org.stormdesk.journal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.internal.JournalStore;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal contract on MongoDB, through the real driver against an in-process server that speaks the
 * MongoDB wire protocol (mongo-java-server: no real MongoDB can be installed on the build machines).
 */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoJournalTest extends JournalContract implements TestPropertyProvider {

    private MongoServer server;
    private String uri;

    @Inject
    JournalStore store;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> sql;

    @Override
    public Map<String, String> getProperties() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort();
        return Map.of("stormdesk.journal.store", "mongodb", "stormdesk.journal.mongodb.uri", uri);
    }

    @AfterAll
    void stopServer() {
        server.shutdownNow();
    }

    @Override
    protected void tamperWithPayload(long seq, String json) {
        try (MongoClient client = MongoClients.create(uri)) {
            long changed = client.getDatabase("stormdesk").getCollection("journal_entry")
                    .updateOne(Filters.eq("_id", seq), Updates.set("payload", json)).getModifiedCount();
            assertThat(changed).isEqualTo(1);
        }
    }

    @Test
    void theJournalIsInMongoDb() {
        assertThat(store.getClass().getSimpleName()).isEqualTo("MongoJournalStore");
        try (MongoClient client = MongoClients.create(uri)) {
            journal.push("d", AGENT, List.of(fact(7)), Messages.EN);
            assertThat(client.getDatabase("stormdesk").getCollection("journal_entry").countDocuments()).isEqualTo(journal.head());
        }
    }

    @Test
    void entriesStoredInMongoDbButNotYetProjectedAreTakenInByTheNextWriter() {
        // as if the process died after MongoDB acknowledged two entries and before the SQL commit
        long head = journal.head();
        Entry report = report("fire", null, java.time.Instant.now());
        journal.push("d", AGENT, List.of(report), Messages.EN);
        StoredEntry opened = journal.pull(head, 10, ADMIN).entries().getFirst();
        StoredEntry filed = journal.find(report.id()).orElseThrow();
        // roll the SQL side back, as if its commit never happened: the head and the projection of those two entries
        sql.executeWrite(status -> {
            try (var st = status.getConnection().createStatement()) {
                st.executeUpdate("UPDATE journal_head SET last_seq = " + head);
                st.executeUpdate("DELETE FROM incident_report WHERE seq > " + head);
                st.executeUpdate("DELETE FROM incident_incident WHERE id = '" + filed.incident() + "'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(desk.find(filed.incident())).isEmpty();
        try (MongoClient client = MongoClients.create(uri)) {
            assertThat(client.getDatabase("stormdesk").getCollection("journal_entry").countDocuments(Filters.gt("_id", head))).isEqualTo(2);
        }
        journal.push("d", AGENT, List.of(fact(8)), Messages.EN);
        assertThat(desk.find(opened.incident())).isPresent();
        assertThat(desk.find(opened.incident()).orElseThrow().reportCount()).isEqualTo(1);
    }
}
