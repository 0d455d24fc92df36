package org.stormdesk.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** What an import of CRM references did, row by row (a bad row is refused alone, with its reason). */
@Serdeable
public record ImportResult(List<Row> rows, int backfilled, int rejected, int errors) {

    /** status: backfilled, rejected, duplicate (imported before: nothing changed), error. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int row, @Nullable UUID recordId, String status, @Nullable String message) {
    }
}
