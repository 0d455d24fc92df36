package org.stormdesk.escalation.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TimerRepository extends CrudRepository<TimerRow, UUID> {

    @Query("SELECT * FROM escalation_timer WHERE incident_id = :incidentId ORDER BY timer_id, level")
    List<TimerRow> ofIncident(UUID incidentId);

    @Query("SELECT * FROM escalation_timer WHERE incident_id = :incidentId AND timer_id = :timerId AND level = :level")
    Optional<TimerRow> find(UUID incidentId, String timerId, int level);

    @Query("SELECT * FROM escalation_timer WHERE firing = :firing")
    Optional<TimerRow> byFiring(UUID firing);

    /**
     * Due levels no live sweep has claimed, locked for the claiming transaction; rows another sweep holds
     * are skipped rather than waited for, so two nodes take different rows.
     */
    @Query("SELECT * FROM escalation_timer WHERE state = 'pending' AND due_at <= :now"
            + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<TimerRow> claimableDue(Instant now, int limit);

    /** Cancelled levels whose cancellation is not yet in the management log, locked the same way. */
    @Query("SELECT * FROM escalation_timer WHERE state = 'cancelled' AND cancel_logged = FALSE"
            + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY cancelled_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<TimerRow> claimableCancelled(Instant now, int limit);

    @Query("UPDATE escalation_timer SET claimed_until = :until WHERE id = :id")
    void claim(UUID id, Instant until);

    @Query("UPDATE escalation_timer SET due_at = :dueAt WHERE id = :id AND state = 'pending'")
    void reschedule(UUID id, Instant dueAt);

    @Query("UPDATE escalation_timer SET state = 'fired', firing = :firing, fired_at = :firedAt WHERE id = :id AND state = 'pending'")
    int fired(UUID id, UUID firing, Instant firedAt);

    /** The earlier levels of a chain that fired and went unanswered while a later level fired. */
    @Query("UPDATE escalation_timer SET state = 'superseded' WHERE incident_id = :incidentId AND timer_id = :timerId"
            + " AND level < :level AND state = 'fired'")
    void supersede(UUID incidentId, String timerId, int level);

    @Query("UPDATE escalation_timer SET state = 'acknowledged', acknowledged_at = :at, acknowledged_by = :by"
            + " WHERE id = :id AND acknowledged_at IS NULL AND state IN ('fired', 'superseded')")
    int acknowledged(UUID id, Instant at, String by);

    @Query("UPDATE escalation_timer SET state = 'cancelled', cancelled_at = :at, cancel_reason = :reason, claimed_until = NULL"
            + " WHERE incident_id = :incidentId AND state = 'pending'")
    void cancelPending(UUID incidentId, Instant at, String reason);

    @Query("UPDATE escalation_timer SET state = 'cancelled', cancelled_at = :at, cancel_reason = :reason, claimed_until = NULL"
            + " WHERE incident_id = :incidentId AND state = 'pending' AND unless_fact = :unlessFact")
    void cancelPendingUnless(UUID incidentId, String unlessFact, Instant at, String reason);

    @Query("UPDATE escalation_timer SET state = 'cancelled', cancelled_at = :at, cancel_reason = :reason, claimed_until = NULL"
            + " WHERE incident_id = :incidentId AND timer_id = :timerId AND state = 'pending'")
    void cancelPendingOfTimer(UUID incidentId, String timerId, Instant at, String reason);

    @Query("UPDATE escalation_timer SET cancel_logged = TRUE WHERE id = :id")
    void cancelLogged(UUID id);
}
