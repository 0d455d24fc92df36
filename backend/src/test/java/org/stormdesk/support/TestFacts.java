package org.stormdesk.support;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.EntryHandler;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.Verdict;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A handler for {@code test.fact} entries, for the journal's contract tests: it refuses entries whose payload
 * says {@code "bad": true}, and remembers what it was given to apply (to prove rebuilds replay everything).
 */
@Singleton
@Requires(env = "test")
public class TestFacts implements EntryHandler {

    public static final String KIND = "test.fact";

    public final List<Long> applied = new CopyOnWriteArrayList<>();

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public Verdict judge(Entry entry, Actor actor) {
        return Boolean.TRUE.equals(entry.payload().get("bad")) ? Verdict.refuse("journal.refused.tooLarge") : Verdict.accept(null);
    }

    @Override
    public void apply(StoredEntry entry) {
        applied.add(entry.seq());
    }

    @Override
    public void reset() {
        applied.clear();
    }
}
