package org.stormdesk.incident.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends CrudRepository<IncidentRow, UUID> {

    @Query("SELECT * FROM incident_incident WHERE kind = :kind AND scope = :scope"
            + " AND (recovered_at IS NULL OR recovered_at >= :recordedAt) ORDER BY started_at DESC")
    List<IncidentRow> candidates(String kind, String scope, Instant recordedAt);

    @Query("SELECT * FROM incident_incident WHERE state <> 'resolved' ORDER BY started_at DESC")
    List<IncidentRow> findUnresolved();

    @Query("SELECT * FROM incident_incident WHERE state = 'resolved' ORDER BY started_at DESC LIMIT :limit")
    List<IncidentRow> findResolved(int limit);

    @Query("SELECT * FROM incident_incident ORDER BY started_at DESC LIMIT :limit")
    List<IncidentRow> findRecent(int limit);

    /** Counts a report in one statement (the hot path of a report storm); the start moves back to the earliest report. */
    @Query("UPDATE incident_incident SET report_count = report_count + 1, reporter_count = reporter_count + :newReporters,"
            + " started_at = LEAST(started_at, :at), last_seq = :seq WHERE id = :id")
    int countReport(UUID id, int newReporters, Instant at, long seq);

    /** Incidents not yet resolved that are (or are not) drills. */
    @Query("SELECT COUNT(*) FROM incident_incident WHERE drill = :drill AND state <> 'resolved'")
    long countOpen(boolean drill);

    /** Every incident that is (or is not) a drill. */
    @Query("SELECT COUNT(*) FROM incident_incident WHERE drill = :drill")
    long countAll(boolean drill);

    @Query("UPDATE incident_incident SET last_seq = :seq WHERE id = :id")
    int touch(UUID id, long seq);
}
