package org.stormdesk.site.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EquipmentRepository extends CrudRepository<EquipmentRow, String> {

    List<EquipmentRow> findBySeatOrderByKind(String seat);

    List<EquipmentRow> findAllOrderBySeatAndKind();

    @Query("DELETE FROM site_equipment WHERE seat = :seat")
    void removeAt(String seat);
}
