package org.stormdesk.media.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InquiryRepository extends CrudRepository<InquiryRow, UUID> {

    @Query("SELECT * FROM media_inquiry ORDER BY filed_at DESC, last_seq DESC LIMIT :limit")
    List<InquiryRow> newest(int limit);

    @Query("UPDATE media_inquiry SET state = 'with_manager', acknowledged_by = :by, acknowledged_at = :at,"
            + " note = COALESCE(:note, note), last_seq = :seq WHERE id = :id")
    void acknowledged(UUID id, String by, Instant at, @Nullable String note, long seq);

    @Query("UPDATE media_inquiry SET state = 'referred', referred_to = :to, referred_by = :by, referred_at = :at,"
            + " acknowledged_by = COALESCE(acknowledged_by, :by), acknowledged_at = COALESCE(acknowledged_at, :at),"
            + " note = COALESCE(:note, note), last_seq = :seq WHERE id = :id")
    void referred(UUID id, @Nullable String to, String by, Instant at, @Nullable String note, long seq);

    @Query("UPDATE media_inquiry SET state = :state, closed_by = :by, closed_at = :at,"
            + " acknowledged_by = COALESCE(acknowledged_by, :by), acknowledged_at = COALESCE(acknowledged_at, :at),"
            + " note = COALESCE(:note, note), last_seq = :seq WHERE id = :id")
    void closed(UUID id, String state, String by, Instant at, @Nullable String note, long seq);

    @Query("UPDATE media_inquiry SET escalated_at = :at WHERE id = :id AND escalated_at IS NULL")
    void escalated(UUID id, Instant at);

    /** Inquiries nobody acknowledged in time and not yet escalated, locked for the claiming transaction. */
    @Query("SELECT * FROM media_inquiry WHERE state = 'new' AND escalated_at IS NULL AND ack_due_at <= :now"
            + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY ack_due_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<InquiryRow> claimableDue(Instant now, int limit);

    @Query("UPDATE media_inquiry SET claimed_until = :until WHERE id = :id")
    void claim(UUID id, Instant until);

    @Query("DELETE FROM media_inquiry")
    void forget();
}
