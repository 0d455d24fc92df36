package org.stormdesk.media.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StatementRepository extends CrudRepository<StatementRow, UUID> {

    @Query("SELECT * FROM media_statement ORDER BY drafted_at DESC, version DESC")
    List<StatementRow> everyVersion();

    @Query("SELECT * FROM media_statement WHERE statement_id = :statementId ORDER BY version DESC")
    List<StatementRow> versions(UUID statementId);

    @Query("SELECT * FROM media_statement WHERE statement_id = :statementId AND version = :version")
    Optional<StatementRow> version(UUID statementId, int version);

    /** Approved versions meant for the public, newest approval first. */
    @Query("SELECT * FROM media_statement WHERE approved_at IS NOT NULL AND audience = 'public'"
            + " ORDER BY approved_at DESC, version DESC")
    List<StatementRow> approvedPublic();

    @Query("UPDATE media_statement SET reviewed_by = :by, reviewed_at = :at, review_note = :note"
            + " WHERE statement_id = :statementId AND version = :version")
    void reviewed(UUID statementId, int version, String by, Instant at, @Nullable String note);

    @Query("UPDATE media_statement SET approved_by = :by, approved_at = :at"
            + " WHERE statement_id = :statementId AND version = :version AND approved_at IS NULL")
    void approved(UUID statementId, int version, String by, Instant at);

    @Query("DELETE FROM media_statement")
    void forget();
}
