package org.stormdesk.capture;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One view of a full captured record, for the audit: who saw which record when, and how (record or export). */
@Serdeable
public record RecordView(UUID recordId, String viewer, Instant viewedAt, String what) {
}
