package org.stormdesk.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What became of one sample of a batch: stored, already there (the first one of an interval stands), or refused and why. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleResult(int index, String status, @Nullable String field, @Nullable String reason) {

    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";
    public static final String REFUSED = "refused";
}
