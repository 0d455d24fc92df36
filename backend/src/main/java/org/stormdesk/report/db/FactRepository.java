package org.stormdesk.report.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The report read model: incidents, escalations, customers and callbacks as their entries left them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FactRepository extends GenericRepository<IncidentFactRow, UUID> {

    @Query("SELECT * FROM report_incident WHERE id = :id")
    Optional<IncidentFactRow> incident(UUID id);

    @Query("SELECT * FROM report_incident WHERE started_at >= :from AND started_at < :to ORDER BY started_at")
    List<IncidentFactRow> incidentsStarted(Instant from, Instant to);

    @Query("SELECT * FROM report_incident ORDER BY started_at")
    List<IncidentFactRow> allIncidents();

    @Query("INSERT INTO report_incident (id, kind, severity, site, drill, started_at) VALUES (:id, :kind, :severity, :site, :drill, :startedAt)")
    void opened(UUID id, String kind, String severity, @Nullable String site, boolean drill, Instant startedAt);

    @Query("UPDATE report_incident SET started_at = LEAST(started_at, :at) WHERE id = :id")
    void reportedAt(UUID id, Instant at);

    @Query("UPDATE report_incident SET drill = TRUE WHERE id = :id")
    void drill(UUID id);

    @Query("UPDATE report_incident SET site = :site WHERE id = :id AND site IS NULL")
    void site(UUID id, String site);

    @Query("UPDATE report_incident SET acknowledged_at = :at WHERE id = :id AND acknowledged_at IS NULL AND recovered_at IS NULL")
    void acknowledged(UUID id, Instant at);

    @Query("UPDATE report_incident SET recovered_at = :at WHERE id = :id AND recovered_at IS NULL")
    void recovered(UUID id, Instant at);

    @Query("INSERT INTO report_escalation (firing, incident_id, timer_id, clause, level, fired_at, ack_within)"
            + " VALUES (:firing, :incident, :timer, :clause, :level, :firedAt, :ackWithin)")
    void fired(UUID firing, @Nullable UUID incident, String timer, @Nullable String clause, int level, Instant firedAt,
               @Nullable String ackWithin);

    @Query("UPDATE report_escalation SET acknowledged_at = :at WHERE firing = :firing AND acknowledged_at IS NULL")
    void escalationAcknowledged(UUID firing, Instant at);

    @Query("SELECT * FROM report_escalation WHERE fired_at >= :from AND fired_at < :to ORDER BY fired_at")
    List<EscalationFactRow> escalationsFired(Instant from, Instant to);

    @Query("INSERT INTO report_customer (id, incident_id, captured_at, callback_promised, callback_due_at)"
            + " VALUES (:id, :incident, :capturedAt, :promised, :dueAt)")
    void captured(UUID id, @Nullable UUID incident, Instant capturedAt, boolean promised, @Nullable Instant dueAt);

    @Query("UPDATE report_customer SET backfilled_at = :at WHERE id = :id AND backfilled_at IS NULL")
    void backfilled(UUID id, Instant at);

    @Query("UPDATE report_customer SET rejected_at = :at WHERE id = :id AND rejected_at IS NULL")
    void rejected(UUID id, Instant at);

    @Query("UPDATE report_customer SET reached_at = :at WHERE id = :id AND reached_at IS NULL")
    void reached(UUID id, Instant at);

    @Query("SELECT * FROM report_customer WHERE captured_at >= :from AND captured_at < :to ORDER BY captured_at")
    List<CustomerFactRow> customersCaptured(Instant from, Instant to);

    @Query("SELECT * FROM report_customer WHERE callback_promised = TRUE AND reached_at IS NULL AND callback_due_at < :now")
    List<CustomerFactRow> callbacksOverdue(Instant now);

    @Query("INSERT INTO report_callback (id, task_id, incident_id, outcome, attempted_at) VALUES (:id, :task, :incident, :outcome, :at)")
    void attempted(UUID id, @Nullable String task, @Nullable UUID incident, String outcome, Instant at);

    @Query("SELECT * FROM report_callback WHERE attempted_at >= :from AND attempted_at < :to ORDER BY attempted_at")
    List<CallbackFactRow> callbacksAttempted(Instant from, Instant to);

    @Query("SELECT COUNT(*) FROM report_incident WHERE id = :id")
    long incidentCount(UUID id);

    @Query("SELECT COUNT(*) FROM report_escalation WHERE firing = :id")
    long escalationCount(UUID id);

    @Query("SELECT COUNT(*) FROM report_customer WHERE id = :id")
    long customerCount(UUID id);

    @Query("SELECT COUNT(*) FROM report_callback WHERE id = :id")
    long callbackCount(UUID id);

    @Query("DELETE FROM report_incident")
    void forgetIncidents();

    @Query("DELETE FROM report_escalation")
    void forgetEscalations();

    @Query("DELETE FROM report_customer")
    void forgetCustomers();

    @Query("DELETE FROM report_callback")
    void forgetCallbacks();
}
