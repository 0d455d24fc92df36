package org.stormdesk.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * Where the captured customers of an incident (or of all incidents, {@code incidentId} absent) stand:
 * {@code captured} counts them all, each of them is back-filled, rejected or still outstanding.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptureCounts(@Nullable UUID incidentId, long captured, long backfilled, long outstanding, long rejected) {
}
