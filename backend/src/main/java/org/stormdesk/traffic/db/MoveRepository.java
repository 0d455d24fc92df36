package org.stormdesk.traffic.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import org.stormdesk.traffic.Move;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MoveRepository extends CrudRepository<MoveRow, UUID> {

    @Query("SELECT * FROM traffic_move WHERE returned_at IS NULL ORDER BY moved_at")
    List<MoveRow> current();

    @Query("SELECT * FROM traffic_move WHERE username = :username AND returned_at IS NULL")
    List<MoveRow> currentOf(String username);

    @Query("SELECT * FROM traffic_move ORDER BY moved_at DESC LIMIT 200")
    List<MoveRow> recent();

    @Query("UPDATE traffic_move SET returned_by = :by, returned_at = :at WHERE username = :username AND returned_at IS NULL")
    void returned(String username, String by, Instant at);

    @Query("DELETE FROM traffic_move")
    void forget();

    static Move view(MoveRow r) {
        return new Move(r.id(), r.username(), r.queue(), r.incidentId(), r.position(), r.movedBy(), r.movedAt(), r.returnedBy(),
                r.returnedAt());
    }
}
