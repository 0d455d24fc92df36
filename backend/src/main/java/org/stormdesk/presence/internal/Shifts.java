package org.stormdesk.presence.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Who is on duty at an instant. Until the roster says so: everyone whose role works the panel. */
@Singleton
public class Shifts {

    static final Set<String> PANEL_ROLES = Set.of("agent", "supervisor");

    private final People people;

    public Shifts(People people) {
        this.people = people;
    }

    public List<Shift> onShift(Instant at) {
        return people.all().stream().filter(p -> p.roles().stream().anyMatch(PANEL_ROLES::contains))
                .map(p -> new Shift(p.username(), p.displayName(), p.roles().contains("supervisor") ? "supervisor" : "inbound",
                        null, null))
                .toList();
    }

    public String displayName(String username) {
        return people.find(username).map(Person::displayName).orElse(username);
    }

    /** One person's shift as the duty list shows it. */
    public record Shift(String username, String displayName, String position, @Nullable String site, @Nullable Instant endsAt) {
    }
}
