package org.stormdesk.site.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OtherWorkRepository extends CrudRepository<OtherWorkRow, String> {

    List<OtherWorkRow> findAllOrderByUsername();

    @Query("DELETE FROM site_other_work WHERE username = :username")
    void end(String username);

    @Query("DELETE FROM site_other_work")
    void forget();
}
