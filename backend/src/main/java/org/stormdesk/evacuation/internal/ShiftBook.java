package org.stormdesk.evacuation.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;

import java.time.Instant;
import java.util.List;

/** Who is on shift on a site at an instant (the roster): the people a roll call expects. */
@Singleton
public class ShiftBook {

    private final Roster roster;

    public ShiftBook(Roster roster) {
        this.roster = roster;
    }

    public List<OnShift> onShift(Instant at, String site) {
        return roster.onShift(at, site).stream().map(ShiftBook::of).toList();
    }

    private static OnShift of(Shift s) {
        return new OnShift(s.username(), s.displayName(), s.position());
    }

    /** One person on shift, with the position they work. */
    public record OnShift(String username, String displayName, @Nullable String position) {
    }
}
