package org.stormdesk.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an administrator gives to add a person; without a password the person signs in with API tokens only. */
@Serdeable
public record NewPerson(@Nullable String username, @Nullable String displayName, @Nullable List<String> roles,
                        @Nullable String team, @Nullable String seat, @Nullable String password) {
}
