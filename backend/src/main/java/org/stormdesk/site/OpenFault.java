package org.stormdesk.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A device that is faulty now, where it is, and who sits at its seat: a line of maintenance's list. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenFault(UUID id, String seat, @Nullable String site, @Nullable String floor, @Nullable String zone,
                        String device, UUID incident, String reportedBy, Instant startedAt, int reports,
                        @Nullable String occupant) {
}
