package org.stormdesk.journal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.stormdesk.journal.internal.HashChain;
import org.stormdesk.journal.internal.JournalCopy;
import org.stormdesk.journal.internal.JournalStore;
import org.stormdesk.journal.internal.Payloads;
import org.stormdesk.journal.internal.Sequencer;


import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one way in for everything that happens: push entries (each stored at most once, in one gap-free
 * sequence), pull what changed after a cursor, read and verify an incident's management log.
 */
@Singleton
public class Journal {

    /** The most entries one push may carry. */
    public static final int MAX_PUSH = 500;
    /** The most entries one pull answers. */
    public static final int MAX_PULL = 1000;

    private static final String[] READ_ALL_ROLES = {"supervisor", "manager", "leadership", "maintenance", "spokesperson", "admin"};

    private final Sequencer sequencer;
    private final JournalStore store;
    private final Payloads payloads;
    private final JournalCopy copy;
    /** How far behind the head a reader was when it asked (entries): devices catching up after an outage show here. */
    private final DistributionSummary pullLag;

    public Journal(Sequencer sequencer, JournalStore store, Payloads payloads, JournalCopy copy, MeterRegistry metrics) {
        this.sequencer = sequencer;
        this.store = store;
        this.payloads = payloads;
        this.copy = copy;
        this.pullLag = DistributionSummary.builder("stormdesk.journal.pull.lag").baseUnit("entries")
                .description("Entries between a pull's cursor and the journal's head")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    /** Stores what a device pushed; one answer per entry, in order. Returns once the stored ones are committed. */
    public List<PushResult> push(String device, Actor actor, List<Entry> entries, Locale locale) {
        if (entries.isEmpty()) {
            return List.of();
        }
        try {
            return sequencer.submit(device, actor, entries, locale).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing entries", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    /** Stores entries the server records itself (a timer that fired, a delivery's outcome), as the system. */
    public List<PushResult> recordAsServer(List<Entry> entries) {
        return push("server", Actor.SYSTEM, entries, java.util.Locale.ENGLISH);
    }

    /** Stores one entry recorded through the API rather than a device's queue. */
    public PushResult record(String device, Actor actor, Entry entry, Locale locale) {
        return push(device, actor, List.of(entry), locale).getFirst();
    }

    /** The entries after {@code after} that the reader may see; the cursor moves past the ones they may not. */
    public PullPage pull(long after, int limit, Actor reader) {
        int size = Math.clamp(limit, 1, MAX_PULL);
        List<StoredEntry> scanned = store.after(Math.max(0, after), size);
        List<StoredEntry> visible = new ArrayList<>(scanned.size());
        for (StoredEntry e : scanned) {
            if (mayRead(reader, e) && (!authorOnly(e.kind()) || reader.username().equals(e.actor()) || reader.hasAny("admin"))) {
                visible.add(e);
            }
        }
        long next = scanned.isEmpty() ? Math.max(0, after) : scanned.getLast().seq();
        pullLag.record(scanned.size() < size ? scanned.size() : Math.max(scanned.size(), store.head() - Math.max(0, after)));
        return new PullPage(visible, next, scanned.size() == size);
    }

    /** Whether a person may read an entry: agents read their own entries and what happens to incidents. */
    public static boolean mayRead(Actor reader, StoredEntry entry) {
        return reader.hasAny(READ_ALL_ROLES) || reader.username().equals(entry.actor())
                || entry.kind().startsWith("incident.");
    }

    /** Whether a capability keeps entries of this kind from everyone but their author (personal data). */
    boolean authorOnly(String kind) {
        return sequencer.handlers().stream().anyMatch(h -> h.handles(kind) && h.authorOnly(kind));
    }

    public Optional<StoredEntry> find(UUID id) {
        return store.byId(id);
    }

    /** An incident's slice of the journal (its management log), in order. */
    public List<StoredEntry> incidentLog(UUID incident) {
        return store.stream(incident.toString());
    }

    /** Recomputes an incident's hash chain. */
    public ChainCheck verify(UUID incident) {
        return HashChain.verify(incidentLog(incident), e -> payloads.write(e.payload()));
    }

    public long head() {
        return store.head();
    }

    /** The command that copies the journal from the SQL database to MongoDB. */
    public static final String COPY_TO_MONGODB = "copy-journal-to-mongodb";

    /**
     * Copies this (SQL) journal to the MongoDB named by {@code stormdesk.journal.mongodb.uri}, verifies every
     * hash chain there, and says whether all is well. Safe to run again.
     */
    public boolean copyToMongoDb(PrintStream out) {
        return copy.toMongoDb(out).ok();
    }

    /** Replays the whole journal into every handler's projection, from scratch. */
    public void rebuildProjections() {
        store.write(writer -> {
            writer.lockHead();
            List<EntryHandler> handlers = sequencer.handlers();
            List<JournalProjection> projections = sequencer.projections();
            handlers.forEach(EntryHandler::reset);
            projections.forEach(JournalProjection::reset);
            long after = 0;
            List<StoredEntry> page;
            do {
                page = store.after(after, MAX_PULL);
                for (StoredEntry e : page) {
                    for (EntryHandler handler : handlers) {
                        if (handler.handles(e.kind())) {
                            handler.apply(e);
                            break;
                        }
                    }
                    for (JournalProjection projection : projections) {
                        projection.apply(e);
                    }
                    after = e.seq();
                }
            } while (page.size() == MAX_PULL);
            return null;
        });
    }
}
