package org.stormdesk.feedback.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Messages;
import org.stormdesk.feedback.FeedbackKinds;
import org.stormdesk.feedback.db.ContactRepository;
import org.stormdesk.feedback.db.ProblemRepository;
import org.stormdesk.feedback.db.ProblemRow;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PushResult;
import org.stormdesk.notify.NoticeKinds;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Escalates suspected problems nobody answered by their deadline (S6.2: unanswered, it goes up), and forgets
 * contacts older than the retention. Every node runs it; like the other sweeps it claims due rows under a short
 * lease ({@code FOR UPDATE SKIP LOCKED}) and records a notice whose id is derived from the problem: however many
 * nodes race, the escalation is sent once.
 */
@Singleton
public class FeedbackSweep {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackSweep.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int BATCH = 100;

    private final ProblemRepository problems;
    private final ContactRepository contacts;
    private final Journal journal;
    private final TransactionOperations<Connection> tx;
    private final Messages messages;
    private final FeedbackEntries entries;
    private final Clock clock;
    private final boolean scheduled;
    private final Duration retention;

    public FeedbackSweep(ProblemRepository problems, ContactRepository contacts, Journal journal,
                         TransactionOperations<Connection> tx, Messages messages, FeedbackEntries entries, Clock clock,
                         @Value("${stormdesk.feedback.sweep:true}") boolean scheduled,
                         @Value("${stormdesk.feedback.retention:P30D}") Duration retention) {
        this.problems = problems;
        this.contacts = contacts;
        this.journal = journal;
        this.tx = tx;
        this.messages = messages;
        this.entries = entries;
        this.clock = clock;
        this.scheduled = scheduled;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "10s", initialDelay = "7s")
    void everyFewSeconds() {
        if (!scheduled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The feedback sweep failed; it runs again in a few seconds", e);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void hourly() {
        if (scheduled) {
            forgetOld();
        }
    }

    /** Deletes contacts older than the retention; answers how many. */
    public int forgetOld() {
        Instant before = clock.instant().minus(retention);
        return tx.executeWrite(status -> contacts.forgetBefore(before));
    }

    /** Escalates every problem overdue for an answer; answers how many notices were stored. */
    public int run() {
        int stored = 0;
        List<ProblemRow> due;
        do {
            Instant now = clock.instant();
            due = tx.executeWrite(status -> {
                List<ProblemRow> rows = problems.claimableDue(now, BATCH);
                for (ProblemRow row : rows) {
                    problems.claim(row.id(), now.plus(LEASE));
                }
                return rows;
            });
            if (due.isEmpty()) {
                break;
            }
            List<Entry> notices = new ArrayList<>();
            for (ProblemRow row : due) {
                notices.add(Entry.of(FeedbackEntries.escalationOf(row.id()), NoticeKinds.NOTICE_REQUESTED, null,
                        clock.instant(), payload(row)));
            }
            for (PushResult result : journal.recordAsServer(notices)) {
                if (PushResult.STORED.equals(result.status())) {
                    stored++;
                }
            }
        } while (due.size() == BATCH);
        return stored;
    }

    private Map<String, Object> payload(ProblemRow row) {
        Map<String, String> message = new LinkedHashMap<>();
        long minutes = Math.max(1, Duration.between(row.raisedAt(), row.answerDueAt()).toMinutes());
        for (Locale locale : Messages.all()) {
            String department = row.departmentName() == null ? messages.get(locale, "feedback.noDepartment") : row.departmentName();
            message.put(FeedbackEntries.tag(locale), messages.get(locale, "feedback.notice.unanswered",
                    entries.describe(row.label(), locale), department, minutes, row.contacts()));
        }
        Set<String> audience = new LinkedHashSet<>(Arrays.stream(row.audience().split(",")).filter(s -> !s.isBlank()).toList());
        audience.add("role:manager");
        audience.add("role:leadership");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("audience", List.copyOf(audience));
        payload.put("message", message);
        payload.put("reason", FeedbackKinds.NOTICE_REASON_UNANSWERED);
        payload.put("problem", row.id().toString());
        return payload;
    }
}
