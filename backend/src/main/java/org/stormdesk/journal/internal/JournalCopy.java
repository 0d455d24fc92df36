package org.stormdesk.journal.internal;

import io.micronaut.context.env.Environment;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.stormdesk.journal.ChainCheck;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.journal.db.JdbcJournalStore;
import org.stormdesk.journal.db.MongoJournalStore;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;

/**
 * Copies the journal from the SQL database to MongoDB, keeping every entry's number and hash, then verifies
 * every hash chain in MongoDB and that both stores end at the same entry. Safe to run again: entries already
 * copied are skipped. Run it while the backend is stopped, then restart the backend with
 * {@code stormdesk.journal.store=mongodb} (docs/operations.md).
 */
@Singleton
public class JournalCopy {

    private static final int PAGE = 1000;

    private final JournalStore from;
    private final Payloads payloads;
    private final Environment environment;
    private final TransactionOperations<Connection> tx;

    public JournalCopy(JournalStore from, Payloads payloads, Environment environment, TransactionOperations<Connection> tx) {
        this.from = from;
        this.payloads = payloads;
        this.environment = environment;
        this.tx = tx;
    }

    /** What a copy did and found. */
    public record Result(long entries, long copied, int streams, int brokenStreams, boolean sameHead) {
        public boolean ok() {
            return brokenStreams == 0 && sameHead;
        }
    }

    /** Copies to the MongoDB named by {@code stormdesk.journal.mongodb.uri}. */
    public Result toMongoDb(PrintStream out) {
        if (!(from instanceof JdbcJournalStore)) {
            out.println("The journal is not in the SQL database (stormdesk.journal.store is not jdbc): nothing to copy");
            return new Result(0, 0, 0, 0, false);
        }
        try (MongoJournalStore to = new MongoJournalStore(
                environment.getRequiredProperty("stormdesk.journal.mongodb.uri", String.class),
                environment.getProperty("stormdesk.journal.mongodb.database", String.class, "stormdesk"),
                environment.getProperty("stormdesk.journal.mongodb.collection", String.class, "journal_entry"),
                tx, payloads)) {
            return copy(to, out);
        }
    }

    Result copy(MongoJournalStore to, PrintStream out) {
        long after = 0;
        long seen = 0;
        long copied = 0;
        List<StoredEntry> page;
        do {
            page = from.after(after, PAGE);
            copied += to.importEntries(page);
            seen += page.size();
            if (!page.isEmpty()) {
                after = page.getLast().seq();
            }
        } while (page.size() == PAGE);
        int broken = 0;
        List<String> streams = to.streams();
        for (String stream : streams) {
            ChainCheck check = HashChain.verify(to.stream(stream), e -> payloads.write(e.payload()));
            if (!check.valid()) {
                broken++;
                out.printf("hash chain %s is broken at entry %d%n", stream, check.brokenAt());
            }
        }
        boolean sameHead = from.head() == to.head();
        out.printf("%d entries in the SQL journal, %d copied now, %d hash chains verified, %d broken, same last entry: %s%n",
                seen, copied, streams.size(), broken, sameHead ? "yes" : "no");
        return new Result(seen, copied, streams.size(), broken, sameHead);
    }
}
