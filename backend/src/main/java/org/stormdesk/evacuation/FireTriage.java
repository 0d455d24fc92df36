package org.stormdesk.evacuation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.people.Contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fire incident's first question (S5.2): fault, test or real? With whom to call at property management, the
 * latest answer, and the site's assembly point. {@code answer} is absent until someone answers.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FireTriage(UUID incident, boolean drill, @Nullable String answer, @Nullable String answeredBy,
                         @Nullable Instant answeredAt, @Nullable String note, String site, String assemblyPoint,
                         List<Contact> propertyContacts, boolean rollCall) {
}
