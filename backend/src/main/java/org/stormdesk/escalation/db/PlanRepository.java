package org.stormdesk.escalation.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRepository extends CrudRepository<PlanRow, UUID> {

    @Query("UPDATE escalation_incident SET started_at = :startedAt WHERE incident_id = :incidentId")
    void moveStart(UUID incidentId, Instant startedAt);

    @Query("UPDATE escalation_incident SET acknowledged_at = :at WHERE incident_id = :incidentId AND acknowledged_at IS NULL")
    void acknowledged(UUID incidentId, Instant at);

    @Query("UPDATE escalation_incident SET resolved_at = :at WHERE incident_id = :incidentId AND resolved_at IS NULL")
    void resolved(UUID incidentId, Instant at);
}
