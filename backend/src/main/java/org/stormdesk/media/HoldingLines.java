package org.stormdesk.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an agent reads out to a journalist, in one language: the polite holding reply, the reminder that staff
 * never give interviews themselves (S8.2), and the public statements leadership approved (S8.3), newest first.
 * Only approved versions are ever here.
 */
@Serdeable
public record HoldingLines(String lang, String reply, String reminder, List<Line> lines) {

    @Serdeable
    public record Line(UUID statement, int version, @Nullable UUID incident, String text, Instant approvedAt) {
    }
}
