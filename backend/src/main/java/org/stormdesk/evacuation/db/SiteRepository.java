package org.stormdesk.evacuation.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SiteRepository extends CrudRepository<SiteRow, String> {

    @Query("SELECT * FROM evacuation_site ORDER BY code")
    List<SiteRow> everySite();
}
