package org.stormdesk.knowledge.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ArticleVersionRepository extends CrudRepository<ArticleVersionRow, UUID> {

    @Query("SELECT * FROM knowledge_article_version WHERE article_id = :articleId ORDER BY version DESC")
    List<ArticleVersionRow> versions(UUID articleId);
}
