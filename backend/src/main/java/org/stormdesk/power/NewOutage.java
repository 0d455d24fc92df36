package org.stormdesk.power;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** A planned outage as the manager enters it. */
@Serdeable
public record NewOutage(@Nullable UUID clientId, @Nullable String site, @Nullable String startsAt,
                        @Nullable String endsAt, @Nullable String source, @Nullable List<String> warnBefore,
                        @Nullable List<PlanItem> plan) {

    @Serdeable
    public record PlanItem(@Nullable String area, @Nullable String text) {
    }
}
