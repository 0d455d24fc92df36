package org.stormdesk.notify.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code notify_person}: how notices reach one person outside the app, and in which language. */
@MappedEntity("notify_person")
public record PersonRow(@Id String username, @Nullable String email, @Nullable String phone, @Nullable String language) {
}
