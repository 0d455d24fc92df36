package org.stormdesk.evacuation.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.people.People;

import java.time.Instant;
import java.util.List;

/** Who is on shift on a site at an instant: the people a roll call expects. */
@Singleton
public class ShiftBook {

    private final People people;

    public ShiftBook(People people) {
        this.people = people;
    }

    public List<OnShift> onShift(Instant at, String site) {
        return people.all().stream().map(p -> new OnShift(p.username(), p.displayName(), null)).toList();
    }

    /** One person on shift, with the position they work. */
    public record OnShift(String username, String displayName, @Nullable String position) {
    }
}
