package org.stormdesk.evacuation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RollCallRepository extends CrudRepository<RollCallRow, UUID> {

    @Query("SELECT * FROM evacuation_rollcall WHERE state = 'open' ORDER BY started_at DESC")
    List<RollCallRow> open();

    @Query("SELECT * FROM evacuation_rollcall ORDER BY started_at DESC LIMIT :limit")
    List<RollCallRow> newest(int limit);

    @Query("UPDATE evacuation_rollcall SET state = 'closed', closed_at = :at, closed_by = :by, close_reason = :reason,"
            + " closed_counts = :counts, last_seq = :seq WHERE incident_id = :id")
    void closed(UUID id, Instant at, String by, @Nullable String reason, String counts, long seq);

    @Query("UPDATE evacuation_rollcall SET last_seq = :seq WHERE incident_id = :id")
    void touch(UUID id, long seq);

    @Query("DELETE FROM evacuation_rollcall")
    void forget();
}
