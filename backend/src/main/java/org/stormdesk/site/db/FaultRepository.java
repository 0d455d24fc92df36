package org.stormdesk.site.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FaultRepository extends CrudRepository<FaultRow, UUID> {

    @Query("SELECT * FROM site_fault WHERE fixed_at IS NULL ORDER BY started_at, seat, device")
    List<FaultRow> open();

    @Query("SELECT * FROM site_fault WHERE seat = :seat AND fixed_at IS NULL ORDER BY started_at, device")
    List<FaultRow> openAt(String seat);

    @Query("SELECT * FROM site_fault WHERE seat = :seat ORDER BY started_at DESC LIMIT 200")
    List<FaultRow> historyOf(String seat);

    @Query("SELECT * FROM site_fault WHERE incident = :incident AND fixed_at IS NULL")
    List<FaultRow> openOf(UUID incident);

    @Query("UPDATE site_fault SET reports = reports + 1, seq = :seq WHERE id = :id")
    void reportedAgain(UUID id, long seq);

    @Query("UPDATE site_fault SET fixed_at = :at, fixed_by = :by, note = :note, seq = :seq WHERE id = :id AND fixed_at IS NULL")
    void fixed(UUID id, Instant at, String by, @Nullable String note, long seq);

    @Query("SELECT * FROM site_fault WHERE notified = FALSE ORDER BY seq LIMIT :limit")
    List<FaultRow> unnotified(int limit);

    @Query("UPDATE site_fault SET notified = TRUE WHERE id = :id")
    void notified(UUID id);

    @Query("DELETE FROM site_fault")
    void forget();
}
