package org.stormdesk.incident.db;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReportRepository extends CrudRepository<ReportRow, UUID> {

    List<ReportRow> findByIncidentIdOrderBySeq(UUID incidentId);

    boolean existsByIncidentIdAndReporter(UUID incidentId, String reporter);
}
