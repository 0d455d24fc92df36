package org.stormdesk.diversion.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageRepository extends CrudRepository<MessageRow, UUID> {

    @Query("SELECT * FROM diversion_message ORDER BY channel, title")
    List<MessageRow> library();
}
