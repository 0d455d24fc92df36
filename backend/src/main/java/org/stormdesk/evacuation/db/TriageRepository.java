package org.stormdesk.evacuation.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TriageRepository extends CrudRepository<TriageRow, UUID> {

    @Query("DELETE FROM evacuation_triage")
    void forget();
}
