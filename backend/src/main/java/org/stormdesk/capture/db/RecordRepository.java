package org.stormdesk.capture.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RecordRepository extends CrudRepository<RecordRow, UUID> {

    @Query("SELECT * FROM capture_record ORDER BY captured_at DESC, last_seq DESC LIMIT :limit")
    List<RecordRow> newest(int limit);

    @Query("SELECT * FROM capture_record WHERE incident_id = :incident ORDER BY captured_at DESC, last_seq DESC LIMIT :limit")
    List<RecordRow> newestOf(UUID incident, int limit);

    @Query("SELECT * FROM capture_record WHERE captured_by = :username ORDER BY captured_at DESC, last_seq DESC LIMIT :limit")
    List<RecordRow> newestBy(String username, int limit);

    /** Records in one state, oldest first (the work queue and the export). */
    @Query("SELECT * FROM capture_record WHERE state = :state ORDER BY captured_at, last_seq LIMIT :limit")
    List<RecordRow> inState(String state, int limit);

    @Query("SELECT * FROM capture_record WHERE state = :state AND incident_id = :incident ORDER BY captured_at, last_seq LIMIT :limit")
    List<RecordRow> inStateOf(String state, UUID incident, int limit);

    long countByState(String state);

    long countByIncidentIdAndState(UUID incidentId, String state);

    @Query("UPDATE capture_record SET state = 'backfilled', crm_reference = :reference, backfilled_by = :by,"
            + " backfilled_at = :at, last_seq = :seq WHERE id = :id")
    void backfilled(UUID id, String reference, String by, Instant at, long seq);

    @Query("UPDATE capture_record SET state = 'rejected', reject_reason = :reason, rejected_by = :by,"
            + " rejected_at = :at, last_seq = :seq WHERE id = :id")
    void rejected(UUID id, String reason, String by, Instant at, long seq);

    /** The ids of records captured before a time (for the purge), oldest first. */
    @Query("SELECT id FROM capture_record WHERE captured_at < :before ORDER BY captured_at LIMIT :limit")
    List<UUID> capturedBefore(Instant before, int limit);

    @Query("DELETE FROM capture_record")
    void forget();
}
