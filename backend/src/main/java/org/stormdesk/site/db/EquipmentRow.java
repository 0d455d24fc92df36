package org.stormdesk.site.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code site_equipment}: one device at a seat; {@code id} is seat/kind. */
@MappedEntity("site_equipment")
public record EquipmentRow(@Id String id, String seat, String kind, @Nullable String label) {

    public static String idOf(String seat, String kind) {
        return seat + "/" + kind;
    }
}
