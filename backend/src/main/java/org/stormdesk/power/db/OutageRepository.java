package org.stormdesk.power.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutageRepository extends CrudRepository<OutageRow, UUID> {

    @Query("SELECT * FROM power_outage ORDER BY starts_at DESC LIMIT 200")
    List<OutageRow> newest();

    @Query("UPDATE power_outage SET started_at = :at WHERE id = :id AND started_at IS NULL")
    void started(UUID id, Instant at);

    @Query("UPDATE power_outage SET started_at = NULL")
    void forgetStarts();
}
