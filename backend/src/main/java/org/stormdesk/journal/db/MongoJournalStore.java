package org.stormdesk.journal.db;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.internal.JournalStore;
import org.stormdesk.journal.internal.Payloads;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The journal in a MongoDB collection, for deployments that outgrow one database. One document per entry,
 * {@code _id} = the sequence number (so a number can never be used twice), a unique index on the entry's
 * id (so a resend is never a second copy), writes acknowledged by the majority and journaled.
 * <p>
 * Writers still serialize on the SQL {@code journal_head} row, where the projections live: the sequencer
 * locks it, numbers entries after the highest in MongoDB, inserts them, updates the projections and commits.
 * Should the process die after MongoDB took the entries but before the SQL commit, the next writer finds
 * them past the head and the projections take them in first ({@link Writer#unprojected()}). No MongoDB
 * transactions are needed.
 */
@Singleton
@Requires(property = "stormdesk.journal.store", value = "mongodb")
public class MongoJournalStore implements JournalStore, AutoCloseable {

    private final MongoClient client;
    private final MongoCollection<Document> entries;
    private final TransactionOperations<Connection> tx;
    private final Payloads payloads;

    public MongoJournalStore(@Value("${stormdesk.journal.mongodb.uri}") String uri,
                             @Value("${stormdesk.journal.mongodb.database:stormdesk}") String database,
                             @Value("${stormdesk.journal.mongodb.collection:journal_entry}") String collection,
                             TransactionOperations<Connection> tx, Payloads payloads) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .build());
        this.entries = client.getDatabase(database).getCollection(collection);
        this.entries.createIndex(Indexes.ascending("id"), new IndexOptions().unique(true).name("journal_entry_id"));
        this.entries.createIndex(Indexes.ascending("stream", "_id"), new IndexOptions().name("journal_entry_stream"));
        this.tx = tx;
        this.payloads = payloads;
    }

    @Override
    public <T> T write(Function<Writer, T> work) {
        return tx.executeWrite(status -> work.apply(new MongoWriter(status.getConnection())));
    }

    @Override
    public List<StoredEntry> after(long after, int limit) {
        return find(Filters.gt("_id", after), limit);
    }

    @Override
    public List<StoredEntry> stream(String stream) {
        return find(Filters.eq("stream", stream), 0);
    }

    @Override
    public Optional<StoredEntry> byId(UUID id) {
        return find(Filters.eq("id", id.toString()), 1).stream().findFirst();
    }

    @Override
    public long head() {
        Document last = entries.find().sort(Sorts.descending("_id")).projection(Projections.include("_id")).first();
        return last == null ? 0 : last.getLong("_id");
    }

    /**
     * Takes entries copied from another store, keeping their numbers: an entry already here with the same
     * number and hash is skipped (so a copy can be run again), a different one is an error.
     *
     * @return how many entries were added
     */
    public int importEntries(List<StoredEntry> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Long, String> present = new HashMap<>();
        entries.find(Filters.in("_id", batch.stream().map(StoredEntry::seq).toList()))
                .projection(Projections.include("_id", "hash"))
                .forEach(d -> present.put(d.getLong("_id"), d.getString("hash")));
        List<Document> missing = new ArrayList<>();
        for (StoredEntry e : batch) {
            String hash = present.get(e.seq());
            if (hash == null) {
                missing.add(document(e));
            } else if (!hash.equals(e.hash())) {
                throw new IllegalStateException("Entry " + e.seq() + " differs between the stores");
            }
        }
        if (!missing.isEmpty()) {
            entries.insertMany(missing, new InsertManyOptions().ordered(true));
        }
        return missing.size();
    }

    /** Every hash chain (stream) kept in this store. */
    public List<String> streams() {
        List<String> out = new ArrayList<>();
        entries.distinct("stream", String.class).forEach(out::add);
        return out;
    }

    @PreDestroy
    @Override
    public void close() {
        client.close();
    }

    private List<StoredEntry> find(Bson filter, int limit) {
        List<StoredEntry> out = new ArrayList<>();
        entries.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach(d -> out.add(entry(d)));
        return out;
    }

    private StoredEntry entry(Document d) {
        String incident = d.getString("incident");
        return new StoredEntry(d.getLong("_id"), UUID.fromString(d.getString("id")), d.getString("kind"),
                incident == null ? null : UUID.fromString(incident), d.getString("actor"), d.getString("device"),
                d.getDate("recordedAt").toInstant(), d.getDate("receivedAt").toInstant(),
                payloads.read(d.getString("payload")), d.getString("prevHash"), d.getString("hash"));
    }

    private Document document(StoredEntry e) {
        return new Document("_id", e.seq())
                .append("id", e.id().toString())
                .append("kind", e.kind())
                .append("incident", e.incident() == null ? null : e.incident().toString())
                .append("stream", e.incident() == null ? JOURNAL_STREAM : e.incident().toString())
                .append("actor", e.actor())
                .append("device", e.device())
                .append("recordedAt", Date.from(e.recordedAt()))
                .append("receivedAt", Date.from(e.receivedAt()))
                .append("payload", payloads.write(e.payload()))
                .append("prevHash", e.prevHash())
                .append("hash", e.hash());
    }

    private final class MongoWriter implements Writer {

        private final Connection connection;
        private long projected = -1;
        private long head = -1;

        MongoWriter(Connection connection) {
            this.connection = connection;
        }

        @Override
        public long lockHead() {
            projected = JournalHead.lock(connection);
            head = Math.max(projected, MongoJournalStore.this.head());
            return head;
        }

        @Override
        public List<StoredEntry> unprojected() {
            return head > projected ? find(Filters.and(Filters.gt("_id", projected), Filters.lte("_id", head)), 0) : List.of();
        }

        @Override
        public Map<UUID, Long> existing(Collection<UUID> ids) {
            Map<UUID, Long> found = new HashMap<>();
            if (ids.isEmpty()) {
                return found;
            }
            List<String> keys = ids.stream().map(UUID::toString).toList();
            entries.find(Filters.in("id", keys)).projection(Projections.include("_id", "id"))
                    .forEach(d -> found.put(UUID.fromString(d.getString("id")), d.getLong("_id")));
            return found;
        }

        @Override
        public Optional<String> lastHash(String stream) {
            Document last = entries.find(Filters.eq("stream", stream)).sort(Sorts.descending("_id"))
                    .projection(Projections.include("hash")).first();
            return last == null ? Optional.empty() : Optional.of(last.getString("hash"));
        }

        @Override
        public void append(List<StoredEntry> stored) {
            if (head < 0) {
                throw new IllegalStateException("append before lockHead");
            }
            long expected = head;
            List<Document> docs = new ArrayList<>(stored.size());
            for (StoredEntry e : stored) {
                if (e.seq() != ++expected) {
                    throw new IllegalStateException("Sequence gap: expected " + expected + " but got " + e.seq());
                }
                docs.add(document(e));
            }
            if (!docs.isEmpty()) {
                entries.insertMany(docs, new InsertManyOptions().ordered(true));
            }
            if (expected != projected) {
                JournalHead.set(connection, expected);
            }
            head = expected;
        }
    }
}
