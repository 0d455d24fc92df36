package org.stormdesk.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Someone outside the user list who is called in an emergency.
 *
 * @param category vendor, property, department or company
 */
@Serdeable
public record Contact(String id, String name, String organization, String category, @Nullable String phone,
                      @Nullable String email, @Nullable String supports) {
}
