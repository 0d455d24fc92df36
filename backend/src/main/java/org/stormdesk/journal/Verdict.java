package org.stormdesk.journal;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * An {@link EntryHandler}'s judgement of an entry about to be stored: refused (with a message key), or
 * accepted into an incident, possibly after entries the server records first (an {@code incident.opened}).
 */
public sealed interface Verdict {

    static Verdict accept(@Nullable UUID incident) {
        return new Accepted(incident, List.of());
    }

    static Verdict acceptAfter(@Nullable UUID incident, List<Entry> serverEntriesFirst) {
        return new Accepted(incident, List.copyOf(serverEntriesFirst));
    }

    static Verdict refuse(String reasonKey, Object... args) {
        return new Refused(reasonKey, args);
    }

    record Accepted(@Nullable UUID incident, List<Entry> serverEntriesFirst) implements Verdict {
    }

    record Refused(String reasonKey, Object[] args) implements Verdict {
    }
}
