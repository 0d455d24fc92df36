package org.stormdesk.incident;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The answer to a report: its id, the incident it opened or joined, and which of the two. */
@Serdeable
public record ReportFiled(UUID reportId, UUID incidentId, boolean joined) {
}
