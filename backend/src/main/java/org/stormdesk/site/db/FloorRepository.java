package org.stormdesk.site.db;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FloorRepository extends CrudRepository<FloorRow, String> {

    List<FloorRow> findAllOrderBySiteAndCode();

    List<FloorRow> findBySiteOrderByCode(String site);
}
