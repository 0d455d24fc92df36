package org.stormdesk.escalation;

import org.stormdesk.journal.Actor;
import org.stormdesk.procedure.Playbook;

import java.util.List;

/**
 * Who may do what with an incident's playbook: a step is worked by its own role, or by a manager or an
 * administrator; an escalation is acknowledged by anyone it was sent to, or by a manager or an administrator;
 * calls are marked by supervisors, managers and administrators.
 */
public final class EscalationPolicy {

    static final String[] OVERSEERS = {"manager", "admin"};
    static final String[] CALLERS = {"supervisor", "manager", "admin"};

    private EscalationPolicy() {
    }

    public static boolean mayWork(Playbook.Step step, Actor actor) {
        return actor.hasAny(step.role()) || actor.hasAny(OVERSEERS);
    }

    public static boolean mayAcknowledge(List<String> audience, Actor actor) {
        if (actor.hasAny(OVERSEERS)) {
            return true;
        }
        for (String party : audience) {
            if (party.startsWith("role:") && actor.hasAny(party.substring(5))) {
                return true;
            }
            if (party.equals("user:" + actor.username())) {
                return true;
            }
        }
        return false;
    }

    public static boolean mayMarkCalls(Actor actor) {
        return actor.hasAny(CALLERS);
    }

    /** The call tree's form of a party: {@code contact:ID} when no type is given. */
    public static String party(String target) {
        return target.contains(":") ? target : "contact:" + target;
    }
}
