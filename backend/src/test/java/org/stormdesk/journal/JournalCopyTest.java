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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving a deployment's journal from the SQL database to MongoDB: copied whole, verified, safe to run again. */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalCopyTest implements TestPropertyProvider {

    private MongoServer server;
    private String uri;

    @Inject
    Journal journal;

    @Override
    public Map<String, String> getProperties() {
        server = new MongoServer(new MemoryBackend());
        uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        return Map.of("stormdesk.journal.mongodb.uri", uri);
    }

    @AfterAll
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void theCopyKeepsEveryEntryVerifiesTheChainsAndCanRunAgain() {
        Actor agent = new Actor("agent1", Set.of("agent"));
        Actor manager = new Actor("manager", Set.of("manager"));
        Entry report = Entry.of(UUID.randomUUID(), "report.filed", null, Instant.now(), Map.of("kind", "system"));
        journal.push("d", agent, List.of(report, Entry.of(UUID.randomUUID(), "report.filed", null, Instant.now(), Map.of("kind", "equipment", "seat", "A-01"))), Messages.EN);
        UUID incident = journal.find(report.id()).orElseThrow().incident();
        journal.push("d", manager, List.of(Entry.of(UUID.randomUUID(), "note.added", incident, Instant.now(), Map.of("text", "vendor called"))), Messages.EN);
        long head = journal.head();

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        assertThat(journal.copyToMongoDb(new PrintStream(first, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(first.toString(StandardCharsets.UTF_8)).contains(head + " entries in the SQL journal, " + head + " copied now");
        try (MongoClient client = MongoClients.create(uri)) {
            assertThat(client.getDatabase("stormdesk").getCollection("journal_entry").countDocuments()).isEqualTo(head);
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(journal.copyToMongoDb(new PrintStream(again, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("0 copied now").contains("0 broken, same last entry: yes");

        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("stormdesk").getCollection("journal_entry")
                    .updateOne(Filters.eq("_id", head), Updates.set("payload", "{\"text\":\"nobody called\"}"));
        }
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        assertThat(journal.copyToMongoDb(new PrintStream(tampered, true, StandardCharsets.UTF_8))).isFalse();
        assertThat(tampered.toString(StandardCharsets.UTF_8)).contains("is broken at entry " + head);
    }
}
