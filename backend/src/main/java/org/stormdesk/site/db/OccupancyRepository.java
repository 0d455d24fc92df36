package org.stormdesk.site.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OccupancyRepository extends CrudRepository<OccupancyRow, String> {

    Optional<OccupancyRow> findByUsername(String username);

    List<OccupancyRow> findAllOrderBySeat();

    @Query("DELETE FROM site_occupancy WHERE username = :username")
    void vacate(String username);

    @Query("DELETE FROM site_occupancy")
    void forget();
}
