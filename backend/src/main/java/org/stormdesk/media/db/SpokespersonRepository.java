package org.stormdesk.media.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SpokespersonRepository extends CrudRepository<SpokespersonRow, UUID> {

    @Query("SELECT * FROM media_spokesperson WHERE incident_id = :incidentId ORDER BY seq DESC LIMIT 1")
    Optional<SpokespersonRow> current(UUID incidentId);

    @Query("SELECT * FROM media_spokesperson ORDER BY seq DESC LIMIT :limit")
    List<SpokespersonRow> newest(int limit);

    @Query("DELETE FROM media_spokesperson")
    void forget();
}
