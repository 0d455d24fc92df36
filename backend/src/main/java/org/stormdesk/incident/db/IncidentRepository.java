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
}
