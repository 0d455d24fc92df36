package org.stormdesk.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A person who signs in, as other capabilities and the PWA see them. */
@Serdeable
public record Person(String username, String displayName, List<String> roles, @Nullable String team, @Nullable String seat) {
}
