package org.stormdesk.procedure.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlaybookRepository extends GenericRepository<PlaybookRow, String> {

    @Query("SELECT * FROM procedure_playbook WHERE kind = :kind AND version = :version")
    Optional<PlaybookRow> find(String kind, int version);

    @Query("SELECT * FROM procedure_playbook WHERE kind = :kind ORDER BY version DESC LIMIT 1")
    Optional<PlaybookRow> latest(String kind);

    /** The version in force at an instant: the newest saved at or before it. */
    @Query("SELECT * FROM procedure_playbook WHERE kind = :kind AND created_at <= :at ORDER BY version DESC LIMIT 1")
    Optional<PlaybookRow> inForceAt(String kind, Instant at);

    @Query("SELECT * FROM procedure_playbook p WHERE version = (SELECT MAX(version) FROM procedure_playbook q WHERE q.kind = p.kind) ORDER BY kind")
    List<PlaybookRow> latestOfEach();

    @Query("SELECT * FROM procedure_playbook WHERE kind = :kind ORDER BY version DESC")
    List<PlaybookRow> history(String kind);

    /** Adds a version; answers 0 when that version exists already (another node or request saved it first). */
    @Query("INSERT INTO procedure_playbook (kind, version, yaml, created_at, created_by) VALUES (:kind, :version, :yaml, :createdAt, :createdBy) ON CONFLICT DO NOTHING")
    int insert(String kind, int version, String yaml, Instant createdAt, String createdBy);
}
