package org.stormdesk.presence.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RequestRepository extends CrudRepository<RequestRow, UUID> {

    @Query("SELECT * FROM presence_request WHERE state = 'pending' OR requested_at >= :since ORDER BY requested_at DESC")
    List<RequestRow> recent(Instant since);

    @Query("SELECT * FROM presence_request WHERE username = :username ORDER BY requested_at DESC LIMIT 20")
    List<RequestRow> of(String username);

    @Query("UPDATE presence_request SET state = :state, decided_by = :by, decided_at = :at, decision_note = :note,"
            + " last_seq = :seq WHERE id = :id")
    void decided(UUID id, String state, String by, Instant at, @Nullable String note, long seq);

    @Query("UPDATE presence_request SET state = 'returned', returned_at = :at, last_seq = :seq WHERE id = :id")
    void returned(UUID id, Instant at, long seq);

    @Query("DELETE FROM presence_request")
    void forget();
}
