package org.stormdesk.traffic.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.stormdesk.traffic.Queue;
import org.stormdesk.traffic.Sample;
import org.stormdesk.traffic.Surge;
import org.stormdesk.traffic.SurgeDetector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The traffic tables through plain JDBC: samples go in by the batch (the first sample of an interval stands), the
 * detectors' memory is read and written whole per queue. The SQL runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Singleton
public class TrafficStore {

    private final TransactionOperations<Connection> tx;

    public TrafficStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Runs work in one write transaction. */
    public <T> T write(java.util.function.Function<Connection, T> work) {
        return tx.executeWrite(status -> work.apply(status.getConnection()));
    }

    public <T> T read(java.util.function.Function<Connection, T> work) {
        return tx.executeRead(status -> work.apply(status.getConnection()));
    }

    // ---- queues

    public List<Queue> queues() {
        return read(c -> query(c, "SELECT * FROM traffic_queue ORDER BY code", ps -> { }, TrafficStore::queue));
    }

    public Optional<Queue> queue(String code) {
        return read(c -> query(c, "SELECT * FROM traffic_queue WHERE code = ?", ps -> ps.setString(1, code), TrafficStore::queue))
                .stream().findFirst();
    }

    public void saveQueue(Queue q, Instant now) {
        write(c -> {
            int updated = update(c, "UPDATE traffic_queue SET name = ?, channel = ?, interval_seconds = ?, target = ?,"
                    + " answer_within = ?, patience = ? WHERE code = ?", ps -> {
                ps.setString(1, q.name());
                ps.setString(2, q.channel());
                ps.setInt(3, q.intervalSeconds());
                ps.setDouble(4, q.target());
                ps.setInt(5, q.answerWithin());
                setInt(ps, 6, q.patience());
                ps.setString(7, q.code());
            });
            if (updated == 0) {
                update(c, "INSERT INTO traffic_queue (code, name, channel, interval_seconds, target, answer_within, patience,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, q.code());
                    ps.setString(2, q.name());
                    ps.setString(3, q.channel());
                    ps.setInt(4, q.intervalSeconds());
                    ps.setDouble(5, q.target());
                    ps.setInt(6, q.answerWithin());
                    setInt(ps, 7, q.patience());
                    ps.setTimestamp(8, Timestamp.from(now));
                });
            }
            return null;
        });
    }

    private static Queue queue(ResultSet rs) throws SQLException {
        int patience = rs.getInt("patience");
        Integer maybe = rs.wasNull() ? null : patience;
        return new Queue(rs.getString("code"), rs.getString("name"), rs.getString("channel"), rs.getInt("interval_seconds"),
                rs.getDouble("target"), rs.getInt("answer_within"), maybe);
    }

    // ---- samples

    /** Inserts valid samples; answers, per sample, whether it was new (false: its interval was already there). */
    public boolean[] insert(Connection c, List<Sample> samples, Instant receivedAt) {
        boolean[] stored = new boolean[samples.size()];
        String sql = "INSERT INTO traffic_sample (queue, interval_start, interval_seconds, offered, answered, abandoned, aht,"
                + " waiting_now, longest_wait, agents_staffed, agents_available, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Timestamp received = Timestamp.from(receivedAt);
            for (Sample s : samples) {
                ps.setString(1, s.queue());
                ps.setTimestamp(2, Timestamp.from(s.intervalStart()));
                ps.setInt(3, s.intervalSeconds());
                ps.setInt(4, s.offered());
                ps.setInt(5, s.answered());
                ps.setInt(6, s.abandoned());
                ps.setDouble(7, s.aht());
                ps.setInt(8, s.waitingNow());
                ps.setInt(9, s.longestWait());
                ps.setInt(10, s.agentsStaffed());
                ps.setInt(11, s.agentsAvailable());
                ps.setTimestamp(12, received);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                stored[i] = counts[i] != 0;
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every sample of a queue from {@code from} on (all when null), in time order, a page at a time. */
    public void samples(String queue, @Nullable Instant from, @Nullable Instant to, Consumer<Sample> each) {
        Instant cursor = from == null ? Instant.EPOCH : from;
        boolean first = true;
        while (true) {
            Instant after = cursor;
            boolean inclusive = first;
            List<Sample> page = read(c -> query(c, "SELECT * FROM traffic_sample WHERE queue = ? AND interval_start "
                    + (inclusive ? ">=" : ">") + " ? AND interval_start < ? ORDER BY interval_start LIMIT 5000", ps -> {
                ps.setString(1, queue);
                ps.setTimestamp(2, Timestamp.from(after));
                ps.setTimestamp(3, Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to));
            }, TrafficStore::sample));
            page.forEach(each);
            if (page.size() < 5000) {
                return;
            }
            cursor = page.getLast().intervalStart();
            first = false;
        }
    }

    public List<Sample> recent(String queue, Instant from) {
        List<Sample> list = new ArrayList<>();
        samples(queue, from, null, list::add);
        return list;
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        return new Sample(rs.getString("queue"), null, rs.getTimestamp("interval_start").toInstant(), rs.getInt("interval_seconds"),
                rs.getInt("offered"), rs.getInt("answered"), rs.getInt("abandoned"), rs.getDouble("aht"),
                rs.getInt("waiting_now"), rs.getInt("longest_wait"), rs.getInt("agents_staffed"), rs.getInt("agents_available"));
    }

    // ---- the detectors' memory

    /** A queue's detector as it was left, with its open surge's id, or empty when it has seen nothing yet. */
    public record Kept(SurgeDetector.Memory memory, @Nullable UUID openSurge, double aht) {
    }

    public Optional<Kept> detector(Connection c, String queue, int slotsPerWeek) {
        List<Object[]> rows = query(c, "SELECT * FROM traffic_detector WHERE queue = ?", ps -> ps.setString(1, queue), rs -> new Object[] {
                rs.getDouble("dispersion"), rs.getInt("dispersion_n"), rs.getDouble("cusum"), instant(rs, "run_start"),
                rs.getInt("calm"), rs.getInt("open_intervals"), instant(rs, "last_interval"), rs.getObject("open_surge", UUID.class),
                rs.getDouble("recent_level"), rs.getDouble("aht")});
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.getFirst();
        double[] mean = new double[slotsPerWeek];
        int[] n = new int[slotsPerWeek];
        query(c, "SELECT slot, n, mean_offered FROM traffic_baseline WHERE queue = ?", ps -> ps.setString(1, queue), rs -> {
            int slot = rs.getInt(1);
            if (slot < slotsPerWeek) {
                n[slot] = rs.getInt(2);
                mean[slot] = rs.getDouble(3);
            }
            return null;
        });
        UUID openId = (UUID) r[7];
        SurgeDetector.Surge open = openId == null ? null : surge(c, openId).map(s -> new SurgeDetector.Surge(s.startedAt(),
                s.detectedAt(), null, s.peakAt(), s.peakOffered(), s.peakExpected(), s.peakZ(), s.score())).orElse(null);
        return Optional.of(new Kept(new SurgeDetector.Memory(mean, n, (double) r[0], (int) r[1], (double) r[2], (Instant) r[3],
                (int) r[4], (Instant) r[6], open, (int) r[5], (double) r[8]), open == null ? null : openId, (double) r[9]));
    }

    /** Writes a detector's memory; only the baseline slots in {@code slots} changed (all when null). */
    public void saveDetector(Connection c, String queue, SurgeDetector.Memory m, @Nullable UUID openSurge, double aht,
                             @Nullable java.util.Set<Integer> slots) {
        int updated = update(c, "UPDATE traffic_detector SET dispersion = ?, dispersion_n = ?, cusum = ?, run_start = ?, calm = ?,"
                + " open_intervals = ?, last_interval = ?, open_surge = ?, recent_level = ?, aht = ? WHERE queue = ?", ps -> {
            detectorFields(ps, m, openSurge, aht);
            ps.setString(11, queue);
        });
        if (updated == 0) {
            update(c, "INSERT INTO traffic_detector (dispersion, dispersion_n, cusum, run_start, calm, open_intervals,"
                    + " last_interval, open_surge, recent_level, aht, queue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                detectorFields(ps, m, openSurge, aht);
                ps.setString(11, queue);
            });
        }
        if (slots == null) {
            update(c, "DELETE FROM traffic_baseline WHERE queue = ?", ps -> ps.setString(1, queue));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO traffic_baseline (queue, slot, n, mean_offered) VALUES (?, ?, ?, ?)")) {
                for (int slot = 0; slot < m.n().length; slot++) {
                    if (m.n()[slot] > 0) {
                        ps.setString(1, queue);
                        ps.setInt(2, slot);
                        ps.setInt(3, m.n()[slot]);
                        ps.setDouble(4, m.mean()[slot]);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (int slot : slots) {
            int s = slot;
            int changed = update(c, "UPDATE traffic_baseline SET n = ?, mean_offered = ? WHERE queue = ? AND slot = ?", ps -> {
                ps.setInt(1, m.n()[s]);
                ps.setDouble(2, m.mean()[s]);
                ps.setString(3, queue);
                ps.setInt(4, s);
            });
            if (changed == 0) {
                update(c, "INSERT INTO traffic_baseline (n, mean_offered, queue, slot) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setInt(1, m.n()[s]);
                    ps.setDouble(2, m.mean()[s]);
                    ps.setString(3, queue);
                    ps.setInt(4, s);
                });
            }
        }
    }

    private static void detectorFields(PreparedStatement ps, SurgeDetector.Memory m, @Nullable UUID openSurge, double aht)
            throws SQLException {
        ps.setDouble(1, m.dispersion());
        ps.setInt(2, m.dispersionN());
        ps.setDouble(3, m.cusum());
        setInstant(ps, 4, m.runStart());
        ps.setInt(5, m.calm());
        ps.setInt(6, m.openIntervals());
        setInstant(ps, 7, m.last());
        ps.setObject(8, openSurge);
        ps.setDouble(9, m.level());
        ps.setDouble(10, aht);
    }

    /** Forgets a queue's detector, baseline and the surges it found in history, before replaying it from the start. */
    public void forget(Connection c, String queue) {
        update(c, "DELETE FROM traffic_baseline WHERE queue = ?", ps -> ps.setString(1, queue));
        update(c, "DELETE FROM traffic_detector WHERE queue = ?", ps -> ps.setString(1, queue));
        update(c, "DELETE FROM traffic_surge WHERE queue = ? AND incident_id IS NULL", ps -> ps.setString(1, queue));
    }

    // ---- surges

    public void saveSurge(Connection c, Surge s) {
        int updated = update(c, "UPDATE traffic_surge SET ended_at = ?, peak_at = ?, peak_offered = ?, peak_expected = ?,"
                + " peak_z = ?, score = ?, state = ?, action = ?, incident_id = ? WHERE id = ?", ps -> {
            setInstant(ps, 1, s.endedAt());
            ps.setTimestamp(2, Timestamp.from(s.peakAt()));
            ps.setInt(3, s.peakOffered());
            ps.setDouble(4, s.peakExpected());
            ps.setDouble(5, s.peakZ());
            ps.setDouble(6, s.score());
            ps.setString(7, s.state());
            ps.setString(8, s.action());
            ps.setObject(9, s.incidentId());
            ps.setObject(10, s.id());
        });
        if (updated == 0) {
            update(c, "INSERT INTO traffic_surge (id, queue, started_at, detected_at, ended_at, peak_at, peak_offered,"
                    + " peak_expected, peak_z, score, state, action, incident_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, s.id());
                ps.setString(2, s.queue());
                ps.setTimestamp(3, Timestamp.from(s.startedAt()));
                ps.setTimestamp(4, Timestamp.from(s.detectedAt()));
                setInstant(ps, 5, s.endedAt());
                ps.setTimestamp(6, Timestamp.from(s.peakAt()));
                ps.setInt(7, s.peakOffered());
                ps.setDouble(8, s.peakExpected());
                ps.setDouble(9, s.peakZ());
                ps.setDouble(10, s.score());
                ps.setString(11, s.state());
                ps.setString(12, s.action());
                ps.setObject(13, s.incidentId());
            });
        }
    }

    public Optional<Surge> surge(Connection c, UUID id) {
        return query(c, "SELECT * FROM traffic_surge WHERE id = ?", ps -> ps.setObject(1, id), TrafficStore::surge).stream().findFirst();
    }

    public Optional<Surge> surge(UUID id) {
        return read(c -> surge(c, id));
    }

    /** The surges of a queue (every queue when null) that overlap [from, to), oldest first. */
    public List<Surge> surges(@Nullable String queue, Instant from, Instant to) {
        return read(c -> query(c, "SELECT * FROM traffic_surge WHERE " + (queue == null ? "" : "queue = ? AND ")
                + "started_at < ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at, queue", ps -> {
            int i = 1;
            if (queue != null) {
                ps.setString(i++, queue);
            }
            ps.setTimestamp(i++, Timestamp.from(to));
            ps.setTimestamp(i, Timestamp.from(from));
        }, TrafficStore::surge));
    }

    private static Surge surge(ResultSet rs) throws SQLException {
        return new Surge(rs.getObject("id", UUID.class), rs.getString("queue"), instant(rs, "started_at"), instant(rs, "detected_at"),
                instant(rs, "ended_at"), instant(rs, "peak_at"), rs.getInt("peak_offered"), rs.getDouble("peak_expected"),
                rs.getDouble("peak_z"), rs.getDouble("score"), rs.getString("state"), rs.getString("action"),
                rs.getObject("incident_id", UUID.class));
    }

    // ---- settings

    public String setting(String name, String fallback) {
        return read(c -> query(c, "SELECT setting_value FROM traffic_setting WHERE name = ?", ps -> ps.setString(1, name), rs -> rs.getString(1)))
                .stream().findFirst().orElse(fallback);
    }

    public void saveSetting(String name, String value) {
        write(c -> {
            if (update(c, "UPDATE traffic_setting SET setting_value = ? WHERE name = ?", ps -> {
                ps.setString(1, value);
                ps.setString(2, name);
            }) == 0) {
                update(c, "INSERT INTO traffic_setting (setting_value, name) VALUES (?, ?)", ps -> {
                    ps.setString(1, value);
                    ps.setString(2, name);
                });
            }
            return null;
        });
    }

    // ---- plumbing

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection c, String sql, Binder binder, Mapper<T> mapper) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(mapper.map(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(Connection c, String sql, Binder binder) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int index, @Nullable Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(at));
        }
    }

    private static void setInt(PreparedStatement ps, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
