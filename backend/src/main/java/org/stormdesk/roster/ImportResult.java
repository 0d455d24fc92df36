package org.stormdesk.roster;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What a CSV import did: the rows stored, and each refused row with its line and localized reasons. */
@Serdeable
public record ImportResult(int added, List<RowError> errors) {

    @Serdeable
    public record RowError(int line, String field, String message) {
    }
}
