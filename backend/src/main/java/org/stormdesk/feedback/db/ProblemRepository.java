package org.stormdesk.feedback.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProblemRepository extends CrudRepository<ProblemRow, UUID> {

    @Query("SELECT * FROM feedback_problem ORDER BY raised_at DESC LIMIT :limit")
    List<ProblemRow> newest(int limit);

    @Query("SELECT * FROM feedback_problem WHERE state = :state ORDER BY raised_at DESC LIMIT :limit")
    List<ProblemRow> newestIn(String state, int limit);

    /** The counts a batch of contacts brought (contacts are not entries: a rebuild keeps them). */
    @Query("UPDATE feedback_problem SET contacts = contacts + :contacts, flags = flags + :flags,"
            + " current_level = :current, expected_level = :expected, last_seen = :lastSeen, samples = :samples WHERE id = :id")
    void grew(UUID id, int contacts, int flags, double current, double expected, Instant lastSeen, String samples);

    @Query("UPDATE feedback_problem SET state = :state, answered_by = :by, answered_at = :at, verify_seconds = :seconds,"
            + " incident_id = :incident, note = :note, last_seq = :seq WHERE id = :id")
    void answered(UUID id, String state, String by, Instant at, long seconds, @Nullable UUID incident,
                  @Nullable String note, long seq);

    @Query("UPDATE feedback_problem SET escalated_at = :at WHERE id = :id AND escalated_at IS NULL")
    void escalated(UUID id, Instant at);

    /** Problems nobody answered in time and not yet escalated, locked for the claiming transaction. */
    @Query("SELECT * FROM feedback_problem WHERE state = 'open' AND escalated_at IS NULL AND answer_due_at <= :now"
            + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY answer_due_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<ProblemRow> claimableDue(Instant now, int limit);

    @Query("UPDATE feedback_problem SET claimed_until = :until WHERE id = :id")
    void claim(UUID id, Instant until);
}
