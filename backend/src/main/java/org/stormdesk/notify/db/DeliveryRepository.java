package org.stormdesk.notify.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeliveryRepository extends CrudRepository<DeliveryRow, UUID> {

    /** Deliveries of a channel that are due and that no sender holds, oldest due first. */
    @Query("SELECT * FROM notify_delivery WHERE channel = :channel AND state IN ('pending', 'failed')"
            + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)"
            + " ORDER BY next_attempt_at LIMIT :limit")
    List<DeliveryRow> due(String channel, Instant now, int limit);

    /**
     * Takes a due delivery for one sender until {@code until}: answers 1 to the one sender that got it. The
     * condition is checked again on the row after any concurrent claim commits, so two sweeps, on one node or
     * two, never both get it.
     */
    @Query("UPDATE notify_delivery SET claimed_until = :until WHERE id = :id AND state IN ('pending', 'failed')"
            + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
    int claim(UUID id, Instant now, Instant until);

    @Query("UPDATE notify_delivery SET state = 'sent', attempts = :attempts, sent_at = :sentAt, claimed_until = NULL,"
            + " last_error = NULL WHERE id = :id")
    void markSent(UUID id, int attempts, Instant sentAt);

    @Query("UPDATE notify_delivery SET state = :state, attempts = :attempts, last_error = :error,"
            + " next_attempt_at = :nextAttemptAt, claimed_until = NULL WHERE id = :id AND state <> 'sent'")
    void markFailed(UUID id, String state, int attempts, @Nullable String error, Instant nextAttemptAt);

    List<DeliveryRow> findByIncidentIdOrderByCreatedAt(UUID incidentId);

    @Query("SELECT * FROM notify_delivery WHERE channel = 'app' AND address = :username ORDER BY created_at DESC LIMIT :limit")
    List<DeliveryRow> inbox(String username, int limit);

    @Query("SELECT COUNT(*) FROM notify_delivery WHERE channel = 'app' AND address = :username AND read_at IS NULL")
    long unread(String username);

    @Query("UPDATE notify_delivery SET read_at = :at WHERE id = :id AND channel = 'app' AND address = :username"
            + " AND read_at IS NULL")
    int markRead(UUID id, String username, Instant at);
}
