package org.stormdesk.journal.db;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.internal.JournalStore;
import org.stormdesk.journal.internal.Payloads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The journal in the SQL database (H2 or PostgreSQL): table {@code journal_entry}, and the one-row table
 * {@code journal_head} whose row lock serializes writers across every node sharing the database.
 */
@Singleton
@Requires(property = "stormdesk.journal.store", value = "jdbc", defaultValue = "jdbc")
public class JdbcJournalStore implements JournalStore {

    private static final String COLUMNS =
            "seq, id, kind, incident, actor, device, recorded_at, received_at, payload, prev_hash, hash";
    private static final int IN_CHUNK = 500;

    private final TransactionOperations<Connection> tx;
    private final Payloads payloads;

    public JdbcJournalStore(TransactionOperations<Connection> tx, Payloads payloads) {
        this.tx = tx;
        this.payloads = payloads;
    }

    @Override
    public <T> T write(Function<Writer, T> work) {
        return tx.executeWrite(status -> work.apply(new JdbcWriter(status.getConnection())));
    }

    @Override
    public List<StoredEntry> after(long after, int limit) {
        return read("SELECT " + COLUMNS + " FROM journal_entry WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
            ps.setLong(1, after);
            ps.setInt(2, limit);
        });
    }

    @Override
    public List<StoredEntry> stream(String stream) {
        return read("SELECT " + COLUMNS + " FROM journal_entry WHERE stream = ? ORDER BY seq", ps -> ps.setString(1, stream));
    }

    @Override
    public Optional<StoredEntry> byId(UUID id) {
        return read("SELECT " + COLUMNS + " FROM journal_entry WHERE id = ?", ps -> ps.setObject(1, id))
                .stream().findFirst();
    }

    @Override
    public long head() {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT last_seq FROM journal_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            } catch (SQLException e) {
                throw new JournalStoreException(e);
            }
        });
    }

    private List<StoredEntry> read(String sql, Binder binder) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StoredEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new JournalStoreException(e);
            }
        });
    }

    private StoredEntry entry(ResultSet rs) throws SQLException {
        return new StoredEntry(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getObject(8, OffsetDateTime.class).toInstant(),
                payloads.read(rs.getString(9)),
                rs.getString(10).trim(),
                rs.getString(11).trim());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private final class JdbcWriter implements Writer {

        private final Connection connection;
        private long head = -1;

        JdbcWriter(Connection connection) {
            this.connection = connection;
        }

        @Override
        public long lockHead() {
            head = JournalHead.lock(connection);
            return head;
        }

        @Override
        public Map<UUID, Long> existing(Collection<UUID> ids) {
            Map<UUID, Long> found = new HashMap<>();
            Iterator<UUID> it = ids.iterator();
            while (it.hasNext()) {
                List<UUID> chunk = new ArrayList<>(IN_CHUNK);
                while (it.hasNext() && chunk.size() < IN_CHUNK) {
                    chunk.add(it.next());
                }
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = connection.prepareStatement("SELECT id, seq FROM journal_entry WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setObject(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getObject(1, UUID.class), rs.getLong(2));
                        }
                    }
                } catch (SQLException e) {
                    throw new JournalStoreException(e);
                }
            }
            return found;
        }

        @Override
        public Optional<String> lastHash(String stream) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT hash FROM journal_entry WHERE stream = ? ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, stream);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1).trim()) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new JournalStoreException(e);
            }
        }

        @Override
        public void append(List<StoredEntry> entries) {
            if (entries.isEmpty()) {
                return;
            }
            if (head < 0) {
                throw new IllegalStateException("append before lockHead");
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO journal_entry (" + COLUMNS
                    + ", stream) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long expected = head;
                for (StoredEntry e : entries) {
                    if (e.seq() != ++expected) {
                        throw new IllegalStateException("Sequence gap: expected " + expected + " but got " + e.seq());
                    }
                    ps.setLong(1, e.seq());
                    ps.setObject(2, e.id());
                    ps.setString(3, e.kind());
                    ps.setObject(4, e.incident());
                    ps.setString(5, e.actor());
                    ps.setString(6, e.device());
                    ps.setObject(7, utc(e.recordedAt()));
                    ps.setObject(8, utc(e.receivedAt()));
                    ps.setString(9, payloads.write(e.payload()));
                    ps.setString(10, e.prevHash());
                    ps.setString(11, e.hash());
                    ps.setString(12, e.incident() == null ? JOURNAL_STREAM : e.incident().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
                JournalHead.set(connection, expected);
                head = expected;
            } catch (SQLException e) {
                throw new JournalStoreException(e);
            }
        }
    }
}
