package org.stormdesk.report.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReviewRepository extends CrudRepository<ReviewRow, UUID> {

    @Query("SELECT * FROM report_review ORDER BY written_at DESC LIMIT :limit")
    List<ReviewRow> newest(int limit);

    @Query("UPDATE report_review SET state = 'approved', approved_by = :by, approved_at = :at, last_seq = :seq WHERE incident_id = :id")
    void approved(UUID id, String by, Instant at, long seq);

    @Query("DELETE FROM report_review")
    void forget();
}
