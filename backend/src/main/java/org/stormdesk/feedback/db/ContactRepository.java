package org.stormdesk.feedback.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContactRepository extends CrudRepository<ContactRow, UUID> {

    @Query("SELECT external_id FROM feedback_contact WHERE external_id IN (:ids)")
    List<String> knownExternalIds(Collection<String> ids);

    @Query("UPDATE feedback_contact SET problem_id = :problem WHERE id IN (:ids)")
    void joined(UUID problem, Collection<UUID> ids);

    @Query("SELECT * FROM feedback_contact WHERE problem_id = :problem ORDER BY contact_at LIMIT :limit")
    List<ContactRow> ofProblem(UUID problem, int limit);

    @Query("SELECT COUNT(*) FROM feedback_contact WHERE contact_at >= :from")
    long countSince(Instant from);

    @Query("DELETE FROM feedback_contact WHERE contact_at < :before")
    int forgetBefore(Instant before);
}
