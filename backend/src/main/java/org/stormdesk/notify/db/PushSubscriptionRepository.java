package org.stormdesk.notify.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PushSubscriptionRepository extends CrudRepository<PushSubscriptionRow, String> {

    List<PushSubscriptionRow> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("UPDATE notify_push_subscription SET last_ok_at = :at WHERE id = :id")
    void markDelivered(String id, Instant at);
}
