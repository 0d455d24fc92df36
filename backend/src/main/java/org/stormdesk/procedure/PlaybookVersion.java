package org.stormdesk.procedure;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One saved version of a kind's playbook: who saved it and when ({@code system} for the shipped ones). */
@Serdeable
public record PlaybookVersion(String kind, int version, Instant createdAt, String createdBy) {
}
