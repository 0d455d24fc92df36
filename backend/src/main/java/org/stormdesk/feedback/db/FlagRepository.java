package org.stormdesk.feedback.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FlagRepository extends CrudRepository<FlagRow, UUID> {

    @Query("SELECT * FROM feedback_flag ORDER BY flagged_at DESC LIMIT :limit")
    List<FlagRow> newest(int limit);

    @Query("DELETE FROM feedback_flag")
    void forget();
}
