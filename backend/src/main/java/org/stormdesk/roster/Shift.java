package org.stormdesk.roster;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** One person's shift: from {@code startsAt} (inclusive) to {@code endsAt} (exclusive), at one site. */
@Serdeable
public record Shift(String id, String username, String displayName, String site,
                    Instant startsAt, Instant endsAt, String position, List<String> skills) {

    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    public boolean hasSkill(String skill) {
        return skills.contains(skill);
    }
}
