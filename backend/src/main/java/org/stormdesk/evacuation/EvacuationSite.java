package org.stormdesk.evacuation;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A site's evacuation settings: where people gather and the procedure marshals follow. */
@Serdeable
public record EvacuationSite(String code, String name, String assemblyPoint, String procedure, String updatedBy,
                             Instant updatedAt) {
}
