package org.stormdesk.power.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WarningRepository extends CrudRepository<WarningRow, String> {

    @Query("SELECT * FROM power_warning WHERE recorded_at IS NULL AND due_at <= :now ORDER BY due_at LIMIT :limit")
    List<WarningRow> due(Instant now, int limit);

    List<WarningRow> findByOutageOrderByDueAt(UUID outage);

    @Query("UPDATE power_warning SET recorded_at = :at WHERE id = :id")
    void recorded(String id, Instant at);

    @Query("DELETE FROM power_warning WHERE outage = :outage AND recorded_at IS NULL")
    void dropPending(UUID outage);
}
