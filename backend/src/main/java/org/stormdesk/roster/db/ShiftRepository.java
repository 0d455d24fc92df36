package org.stormdesk.roster.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ShiftRepository extends CrudRepository<ShiftRow, String> {

    /** Shifts that overlap [from, to). */
    @Query("SELECT * FROM roster_shift WHERE starts_at < :to AND ends_at > :from ORDER BY starts_at, username")
    List<ShiftRow> overlapping(Instant from, Instant to);

    @Query("SELECT * FROM roster_shift WHERE username = :username AND starts_at < :to AND ends_at > :from")
    List<ShiftRow> overlappingFor(String username, Instant from, Instant to);

    /** Shifts that cover the instant: started at or before it, ending after it. */
    @Query("SELECT * FROM roster_shift WHERE starts_at <= :at AND ends_at > :at ORDER BY site, username")
    List<ShiftRow> covering(Instant at);

    @Query("SELECT * FROM roster_shift WHERE username = :username AND starts_at <= :at AND ends_at > :at")
    List<ShiftRow> coveringFor(String username, Instant at);

    @Query("SELECT DISTINCT site FROM roster_shift ORDER BY site")
    List<String> sites();
}
