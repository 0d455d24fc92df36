package org.stormdesk.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The outcome of recomputing an incident's hash chain: valid or not, how many entries, where it first breaks. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainCheck(boolean valid, int entries, @Nullable Long brokenAt) {
}
