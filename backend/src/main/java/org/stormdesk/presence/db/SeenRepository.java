package org.stormdesk.presence.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SeenRepository extends CrudRepository<SeenRow, String> {

    @Query("UPDATE presence_seen SET seen_at = :at WHERE username = :username AND seen_at < :at")
    int seen(String username, Instant at);
}
