package org.stormdesk.site;

import io.micronaut.serde.annotation.Serdeable;

/** A seat on the floor, named by its code (e.g. {@code A-03}). */
@Serdeable
public record Seat(String code, String floor, String zone) {
}
