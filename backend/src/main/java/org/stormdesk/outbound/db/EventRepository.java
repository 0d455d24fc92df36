package org.stormdesk.outbound.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EventRepository extends CrudRepository<EventRow, UUID> {

    @Query("SELECT * FROM outbound_event WHERE task_id = :taskId ORDER BY seq, at")
    List<EventRow> of(UUID taskId);

    @Query("DELETE FROM outbound_event")
    void forget();
}
