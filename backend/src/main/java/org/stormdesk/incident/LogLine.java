package org.stormdesk.incident;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an incident's management log: the journal entry, with a sentence in the reader's language.
 *
 * @param at        when the server received it
 * @param redundant a resolution or acknowledgement that came after the first one and changed nothing
 */
@Serdeable
public record LogLine(long seq, UUID id, Instant at, Instant recordedAt, String actor, String device, String type,
                      String text, String hash, String prevHash, boolean redundant) {
}
