package org.stormdesk.callback.internal;

import jakarta.inject.Singleton;
import org.stormdesk.callback.CallbackAssignment;
import org.stormdesk.roster.Position;
import org.stormdesk.roster.Roster;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The agents on shift who can make calls: the roster's shifts answering or making calls, or in support (not leads, managers, maintenance or others). */
@Singleton
public class Agents {

    static final Set<String> CALLERS = Set.of(Position.INBOUND.wire(), Position.OUTBOUND.wire(), Position.CHAT.wire(),
            Position.SUPPORT.wire());

    private final Roster roster;

    public Agents(Roster roster) {
        this.roster = roster;
    }

    public List<CallbackAssignment.Candidate> onShift(Instant at) {
        return roster.onShift(at).stream().filter(s -> CALLERS.contains(s.position()))
                .map(s -> new CallbackAssignment.Candidate(s.username(), s.endsAt())).toList();
    }
}
