package org.stormdesk.supplies.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StockRepository extends CrudRepository<StockRow, String> {

    @Query("SELECT * FROM supplies_stock WHERE site = :site ORDER BY kind")
    List<StockRow> ofSite(String site);

    @Query("SELECT DISTINCT site FROM supplies_stock")
    List<String> sites();

    @Query("DELETE FROM supplies_stock")
    void forget();
}
