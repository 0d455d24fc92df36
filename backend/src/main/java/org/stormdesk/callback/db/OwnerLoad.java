package org.stormdesk.callback.db;

import io.micronaut.core.annotation.Introspected;

/** One agent's open callbacks: all of them, and those due no later than a given time. */
@Introspected
public record OwnerLoad(String owner, long dueNoLater, long open) {
}
