package org.stormdesk.feedback.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RuleRepository extends CrudRepository<RuleRow, UUID> {

    @Query("SELECT * FROM feedback_rule ORDER BY position, created_at")
    List<RuleRow> inOrder();
}
