package org.stormdesk.diversion.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActiveRepository extends CrudRepository<ActiveRow, UUID> {

    @Query("SELECT * FROM diversion_active WHERE channel = :channel ORDER BY activated_at, message_id")
    List<ActiveRow> onChannel(String channel);

    @Query("SELECT * FROM diversion_active WHERE incident_id = :incidentId")
    List<ActiveRow> ofIncident(UUID incidentId);

    @Query("DELETE FROM diversion_active WHERE incident_id = :incidentId")
    void offForIncident(UUID incidentId);

    @Query("DELETE FROM diversion_active")
    void forget();
}
