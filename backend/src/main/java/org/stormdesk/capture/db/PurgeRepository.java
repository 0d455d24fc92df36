package org.stormdesk.capture.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PurgeRepository extends CrudRepository<PurgeRow, UUID> {

    @Query("SELECT * FROM capture_purge ORDER BY purged_at DESC LIMIT :limit")
    List<PurgeRow> newest(int limit);

    @Query("DELETE FROM capture_purge")
    void forget();
}
