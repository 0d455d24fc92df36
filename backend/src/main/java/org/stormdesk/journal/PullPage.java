package org.stormdesk.journal;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The entries after a cursor that the reader may see, the cursor to ask from next, and whether more wait. */
@Serdeable
public record PullPage(List<StoredEntry> entries, long next, boolean hasMore) {
}
