package org.stormdesk.presence.internal;

import jakarta.inject.Singleton;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;
import org.stormdesk.roster.Position;
import org.stormdesk.roster.Roster;
import org.stormdesk.roster.Shift;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Who is on duty in the agent panel at an instant: the roster's shifts, less managers and maintenance. */
@Singleton
public class Shifts {

    static final Set<String> PANEL = Set.of(Position.INBOUND.wire(), Position.OUTBOUND.wire(), Position.CHAT.wire(),
            Position.SUPPORT.wire(), Position.SUPERVISOR.wire());

    private final Roster roster;
    private final People people;

    public Shifts(Roster roster, People people) {
        this.roster = roster;
        this.people = people;
    }

    public List<Shift> onShift(Instant at) {
        return roster.onShift(at).stream().filter(s -> PANEL.contains(s.position())).toList();
    }

    public String displayName(String username) {
        return people.find(username).map(Person::displayName).orElse(username);
    }
}
