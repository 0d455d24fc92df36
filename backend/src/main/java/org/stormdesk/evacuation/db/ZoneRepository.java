package org.stormdesk.evacuation.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ZoneRepository extends CrudRepository<ZoneRow, String> {

    @Query("SELECT * FROM evacuation_zone ORDER BY site, code")
    List<ZoneRow> everyZone();

    @Query("SELECT * FROM evacuation_zone WHERE site = :site ORDER BY code")
    List<ZoneRow> ofSite(String site);

    @Query("UPDATE evacuation_zone SET state = :state, changed_by = :by, changed_at = :at, note = :note, last_seq = :seq"
            + " WHERE id = :id")
    void changed(String id, String state, String by, Instant at, @Nullable String note, long seq);

    /** Before a rebuild: every zone back to normal, as the journal will set it again. */
    @Query("UPDATE evacuation_zone SET state = 'normal', changed_by = NULL, changed_at = NULL, note = NULL, last_seq = 0")
    void forget();
}
