package org.stormdesk.callback.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TaskRepository extends CrudRepository<TaskRow, UUID> {

    /** A person's tasks: the open ones by due time, then those closed since {@code since}. */
    @Query("SELECT * FROM callback_task WHERE owner = :owner AND (state = 'open' OR closed_at >= :since)"
            + " ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, due_at")
    List<TaskRow> of(String owner, Instant since);

    @Query("SELECT * FROM callback_task WHERE incident_id = :incident ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, due_at")
    List<TaskRow> ofIncident(UUID incident);

    @Query("SELECT * FROM callback_task ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, due_at LIMIT :limit")
    List<TaskRow> newest(int limit);

    /** Each owner's open callbacks, counted in the database (a capture storm must not load every task per record). */
    @Query("SELECT owner, SUM(CASE WHEN due_at <= :due THEN 1 ELSE 0 END) AS due_no_later, COUNT(*) AS open"
            + " FROM callback_task WHERE state = 'open' AND owner IS NOT NULL GROUP BY owner")
    List<OwnerLoad> loads(Instant due);

    @Query("UPDATE callback_task SET attempts = attempts + 1, last_outcome = :outcome, last_note = :note,"
            + " last_attempt_at = :at, last_attempt_by = :by, state = :state, closed_at = :closedAt, last_seq = :seq WHERE id = :id")
    void attempted(UUID id, String outcome, @Nullable String note, Instant at, String by, String state,
                   @Nullable Instant closedAt, long seq);

    @Query("UPDATE callback_task SET owner = :owner, assigned_at = :at, last_seq = :seq WHERE id = :id")
    void reassigned(UUID id, String owner, Instant at, long seq);

    @Query("DELETE FROM callback_task")
    void forget();
}
