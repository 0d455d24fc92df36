package org.stormdesk.outbound.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TaskRepository extends CrudRepository<TaskRow, UUID> {

    /** Every open task, whatever its day, most important first. */
    @Query("SELECT * FROM outbound_task WHERE state = 'open' ORDER BY priority, due_at, id")
    List<TaskRow> open();

    /** A person's list: open tasks most important first, then those closed since {@code since}. */
    @Query("SELECT * FROM outbound_task WHERE assignee = :assignee AND (state = 'open' OR closed_at >= :since)"
            + " ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, priority, due_at, id")
    List<TaskRow> of(String assignee, Instant since);

    /** A day's plan, and whatever is still open from before it. */
    @Query("SELECT * FROM outbound_task WHERE plan_day = :day OR (state = 'open' AND plan_day < :day)"
            + " ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, priority, due_at, id")
    List<TaskRow> ofDay(LocalDate day);

    @Query("UPDATE outbound_task SET assignee = :assignee, assigned_at = :at, last_seq = :seq WHERE id = :id AND state = 'open'")
    void reassigned(UUID id, @Nullable String assignee, Instant at, long seq);

    @Query("UPDATE outbound_task SET attempts = attempts + 1, last_outcome = :outcome, last_note = :note,"
            + " last_attempt_at = :at, state = :state, closed_at = :closedAt, last_seq = :seq WHERE id = :id")
    void attempted(UUID id, String outcome, @Nullable String note, Instant at, String state, @Nullable Instant closedAt, long seq);

    @Query("DELETE FROM outbound_task")
    void forget();
}
