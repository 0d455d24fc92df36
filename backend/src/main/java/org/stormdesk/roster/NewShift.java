package org.stormdesk.roster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A shift as a manager enters it; {@link Roster#add} checks it. */
@Serdeable
public record NewShift(@Nullable String username, @Nullable String site, @Nullable Instant startsAt,
                       @Nullable Instant endsAt, @Nullable String position, @Nullable List<String> skills) {
}
