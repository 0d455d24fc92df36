package org.stormdesk.evacuation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The roll call of an incident as the manager and the marshals read it: who is expected, who is accounted for,
 * and the counts. {@code people} is only the reader's own line for someone who is not a marshal.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollCall(UUID incident, String site, boolean drill, String state, String assemblyPoint,
                       @Nullable String procedure, Instant startedAt, String startedBy, @Nullable Instant closedAt,
                       @Nullable String closedBy, @Nullable String closeReason, Counts counts, List<Person> people,
                       long lastSeq) {

    /** How many people, by status; {@code accounted} is safe plus absent. */
    @Serdeable
    public record Counts(int total, int safe, int absent, int missing, int unknown, int accounted) {
    }

    /** One person of the roll call. {@code via}: self or marshal; {@code listed}: on shift when it started. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String username, String displayName, @Nullable String position, boolean listed, String status,
                         @Nullable String markedBy, @Nullable Instant markedAt, @Nullable String via, int marks) {
    }
}
