package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActionRepository extends CrudRepository<ActionRow, UUID> {

    @Query("SELECT * FROM report_action WHERE incident_id = :incident ORDER BY position")
    List<ActionRow> ofIncident(UUID incident);

    @Query("SELECT * FROM report_action WHERE owner = :owner ORDER BY state DESC, due_on, position")
    List<ActionRow> ofOwner(String owner);

    @Query("SELECT * FROM report_action ORDER BY state DESC, due_on, position LIMIT :limit")
    List<ActionRow> all(int limit);

    @Query("UPDATE report_action SET state = :state, done_by = :by, done_at = :at, note = COALESCE(:note, note),"
            + " last_seq = :seq WHERE id = :id")
    void updated(UUID id, String state, @Nullable String by, @Nullable Instant at, @Nullable String note, long seq);

    @Query("DELETE FROM report_action WHERE incident_id = :incident")
    void forgetIncident(UUID incident);

    @Query("DELETE FROM report_action")
    void forget();
}
