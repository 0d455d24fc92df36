package org.stormdesk.people.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("people_contact")
public record ContactRow(@Id String id, String name, String organization, String category, @Nullable String phone,
                         @Nullable String email, @Nullable String supports) {
}
