package org.stormdesk.site.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SeatRepository extends CrudRepository<SeatRow, String> {

    List<SeatRow> findAllOrderByCode();

    List<SeatRow> findBySiteAndFloorOrderByCode(String site, String floor);

    List<SeatRow> findBySiteOrderByCode(String site);

    /** Takes the floor's seats off the grid, so that a redrawn floor may put them on other squares. */
    @Query("UPDATE site_seat SET grid_row = NULL, grid_col = NULL WHERE site = :site AND floor = :floor")
    void clearSquares(String site, String floor);

    @Query("DELETE FROM site_seat WHERE code = :code")
    void remove(String code);
}
