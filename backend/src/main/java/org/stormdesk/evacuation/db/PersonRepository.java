package org.stormdesk.evacuation.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRepository extends CrudRepository<PersonRow, UUID> {

    @Query("SELECT * FROM evacuation_person WHERE incident_id = :incident ORDER BY display_name, username")
    List<PersonRow> of(UUID incident);

    @Query("SELECT * FROM evacuation_person WHERE incident_id = :incident AND username = :username")
    Optional<PersonRow> find(UUID incident, String username);

    @Query("SELECT * FROM evacuation_person WHERE username = :username")
    List<PersonRow> byUsername(String username);

    /** A mark that raises the person's status. */
    @Query("UPDATE evacuation_person SET status = :status, marked_by = :by, marked_at = :at, via = :via,"
            + " marks = marks + 1, last_seq = :seq WHERE id = :id")
    void raised(UUID id, String status, String by, Instant at, String via, long seq);

    /** A mark that changes nothing (the same status again, or a lower one): counted, kept in the log. */
    @Query("UPDATE evacuation_person SET marks = marks + 1, last_seq = :seq WHERE id = :id")
    void counted(UUID id, long seq);

    @Query("DELETE FROM evacuation_person")
    void forget();

}
