package org.stormdesk.callback.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.callback.CallbackAssignment;
import org.stormdesk.callback.CallbackKinds;
import org.stormdesk.callback.db.EventRepository;
import org.stormdesk.callback.db.EventRow;
import org.stormdesk.callback.db.OwnerLoad;
import org.stormdesk.callback.db.TaskRepository;
import org.stormdesk.callback.db.TaskRow;
import org.stormdesk.journal.JournalProjection;
import org.stormdesk.journal.StoredEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes a callback task of every stored {@code customer.captured} that promised one, and gives it to an agent on
 * shift when the server received it ({@link CallbackAssignment}). Capture owns and judges that kind; this only reads
 * what was stored. A purge of captured customers takes their tasks with it.
 */
@Singleton
public class CallbackProjection implements JournalProjection {

    private final TaskRepository tasks;
    private final EventRepository events;
    private final Agents agents;
    private final int maxAttempts;
    private final Duration defaultDue;

    public CallbackProjection(TaskRepository tasks, EventRepository events, Agents agents,
                              @Value("${stormdesk.callback.max-attempts:3}") int maxAttempts,
                              @Value("${stormdesk.callback.default-due:PT2H}") Duration defaultDue) {
        this.tasks = tasks;
        this.events = events;
        this.agents = agents;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.defaultDue = defaultDue;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public void apply(StoredEntry e) {
        if (CallbackKinds.CUSTOMER_CAPTURED.equals(e.kind())) {
            captured(e);
        } else if (CallbackKinds.CUSTOMER_PURGED.equals(e.kind()) && e.payload().get("records") instanceof List<?> ids) {
            for (Object id : ids) {
                uuid(String.valueOf(id)).filter(tasks::existsById).ifPresent(task -> {
                    events.forgetTask(task);
                    tasks.deleteById(task);
                });
            }
        }
    }

    private void captured(StoredEntry e) {
        if (!Boolean.TRUE.equals(e.payload().get("callbackPromised")) || tasks.existsById(e.id())) {
            return;
        }
        Instant due = instant(e.text("callbackDueAt"));
        if (due == null) {
            due = e.receivedAt().plus(defaultDue);
        }
        UUID incident = e.incident() != null ? e.incident() : uuid(e.text("incidentId")).orElse(null);
        Map<String, CallbackAssignment.Load> loads = new HashMap<>();
        for (OwnerLoad l : tasks.loads(due)) {
            loads.put(l.owner(), new CallbackAssignment.Load(l.dueNoLater(), l.open()));
        }
        String owner = CallbackAssignment.choose(agents.onShift(e.receivedAt()), loads, due).orElse(null);
        tasks.save(new TaskRow(e.id(), incident, cut(e.text("name"), 100), cut(e.text("phone"), 40), blank(e.text("accountId")),
                cut(e.text("matter"), 2000), cut(e.text("category"), 60), due, e.actor(), e.receivedAt(), owner,
                owner == null ? null : e.receivedAt(), maxAttempts, 0, null, null, null, null, "open", null, e.seq()));
        events.save(new EventRow(e.id(), e.id(), "assigned", null, null, "system", owner, e.receivedAt(), e.seq()));
    }

    @Override
    public void reset() {
        events.forget();
        tasks.forget();
    }

    private static String cut(@Nullable String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static @Nullable Instant instant(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Optional<UUID> uuid(@Nullable String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
