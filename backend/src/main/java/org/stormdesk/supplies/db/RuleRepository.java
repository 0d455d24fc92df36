package org.stormdesk.supplies.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RuleRepository extends CrudRepository<RuleRow, String> {

    @Query("SELECT * FROM supplies_rule WHERE site = :site ORDER BY kind")
    List<RuleRow> ofSite(String site);

    @Query("SELECT * FROM supplies_rule ORDER BY site, kind")
    List<RuleRow> everyRule();
}
