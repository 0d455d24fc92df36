package org.stormdesk.callback;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The manager's figures for an incident (or for all): open, overdue (of the open), reached, failed, unassigned. */
@Serdeable
public record CallbackCounts(int total, int open, int overdue, int reached, int failed, int unassigned,
                             Map<String, Integer> openByOwner) {
}
