package org.stormdesk.capture.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ViewRepository extends CrudRepository<ViewRow, UUID> {

    @Query("SELECT * FROM capture_view ORDER BY viewed_at DESC LIMIT :limit")
    List<ViewRow> newest(int limit);

    @Query("SELECT * FROM capture_view WHERE record_id = :record ORDER BY viewed_at DESC LIMIT :limit")
    List<ViewRow> ofRecord(UUID record, int limit);

    @Query("DELETE FROM capture_view WHERE viewed_at < :before")
    void purgeBefore(Instant before);
}
