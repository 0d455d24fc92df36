package org.stormdesk.capture.db;

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

    @Query("INSERT INTO capture_delivery (record_id, state, attempts, due_at, updated_at) VALUES (:record, 'pending', 0, :at, :at)"
            + " ON CONFLICT DO NOTHING")
    void enqueue(UUID record, Instant at);

    /** Due deliveries no other node holds, locked for the claiming transaction. */
    @Query("SELECT * FROM capture_delivery WHERE state = 'pending' AND due_at <= :now"
            + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<DeliveryRow> claimableDue(Instant now, int limit);

    @Query("UPDATE capture_delivery SET claimed_until = :until WHERE record_id = :record")
    void claim(UUID record, Instant until);

    @Query("UPDATE capture_delivery SET state = :state, attempts = :attempts, due_at = :dueAt, claimed_until = NULL,"
            + " last_error = :error, updated_at = :at WHERE record_id = :record")
    void outcome(UUID record, String state, int attempts, Instant dueAt, @Nullable String error, Instant at);

    long countByState(String state);
}
