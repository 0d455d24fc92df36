package org.stormdesk.power.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AnnouncementRepository extends CrudRepository<AnnouncementRow, UUID> {

    @Query("SELECT * FROM power_announcement ORDER BY posted_at DESC, seq DESC LIMIT :limit")
    List<AnnouncementRow> newest(int limit);

    @Query("DELETE FROM power_announcement")
    void forget();
}
