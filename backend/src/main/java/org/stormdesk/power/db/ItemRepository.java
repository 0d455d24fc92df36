package org.stormdesk.power.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ItemRepository extends CrudRepository<ItemRow, UUID> {

    List<ItemRow> findByOutageOrderByPosition(UUID outage);

    @Query("UPDATE power_outage_item SET done_by = :by, done_at = :at, seq = :seq WHERE id = :id AND done_at IS NULL")
    void done(UUID id, String by, Instant at, long seq);

    @Query("UPDATE power_outage_item SET done_by = NULL, done_at = NULL, seq = NULL")
    void forgetDone();
}
