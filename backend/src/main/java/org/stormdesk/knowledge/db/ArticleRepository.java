package org.stormdesk.knowledge.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ArticleRepository extends CrudRepository<ArticleRow, UUID> {

    @Query("SELECT * FROM knowledge_article WHERE archived = FALSE ORDER BY product, updated_at DESC")
    List<ArticleRow> current();

    /** The row, locked for the saving transaction (two editors saving at once: the second sees the first's version). */
    @Query("SELECT * FROM knowledge_article WHERE id = :id FOR UPDATE")
    Optional<ArticleRow> lock(UUID id);
}
