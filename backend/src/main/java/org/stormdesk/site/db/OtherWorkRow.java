package org.stormdesk.site.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code site_other_work}: someone moved off the phones to other work (S1.2). */
@MappedEntity("site_other_work")
public record OtherWorkRow(@Id String username, String work, Instant since, String movedBy, long seq) {
}
