package org.stormdesk.supplies.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SupplySiteRepository extends CrudRepository<SupplySiteRow, String> {

    @Query("SELECT * FROM supplies_site ORDER BY code")
    List<SupplySiteRow> everySite();
}
