package org.stormdesk.notify;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the escalation capability's handler of {@code escalation.fired} and {@code escalation.acknowledged}
 * where no such handler exists, so that notifications can be tested on their own; where one exists, it judges.
 */
@Singleton
@Requires(env = "test")
public class EscalationStandIn implements EntryHandler {

    static final Set<String> KINDS = Set.of(NoticeKinds.ESCALATION_FIRED, NoticeKinds.ESCALATION_ACKNOWLEDGED);

    public final List<StoredEntry> applied = new CopyOnWriteArrayList<>();
    private final BeanProvider<EntryHandler> handlers;

    EscalationStandIn(BeanProvider<EntryHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean handles(String kind) {
        return KINDS.contains(kind) && handlers.stream().noneMatch(h -> h != this && h.handles(kind));
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        if (NoticeKinds.ESCALATION_FIRED.equals(entry.kind()) && !"system".equals(actor.username())) {
            return Verdict.refuse("journal.refused.serverOnly");
        }
        return Verdict.accept(entry.incident());
    }

    @Override
    public void apply(StoredEntry entry) {
        applied.add(entry);
    }

    @Override
    public void reset() {
        applied.clear();
    }
}
