package org.stormdesk.procedure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.stormdesk.app.ProblemException;
import org.stormdesk.procedure.db.PlaybookRepository;
import org.stormdesk.procedure.db.PlaybookRow;
import org.stormdesk.procedure.internal.PlaybookReader;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The playbooks: one per incident kind, every edit a new version, version 1 shipped with Stormdesk
 * ({@code procedures/playbooks/<kind>.yaml}). A version never changes once saved, so an incident can keep
 * the one it started with.
 */
@Singleton
public class Playbooks {

    /** Who saved the versions shipped with Stormdesk. */
    public static final String SHIPPED_BY = "system";

    private final PlaybookRepository rows;
    private final Clock clock;
    private final Map<String, Playbook> parsed = new ConcurrentHashMap<>();

    public Playbooks(PlaybookRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The newest version of each kind's playbook. */
    public List<PlaybookVersion> list() {
        return rows.latestOfEach().stream().map(Playbooks::version).toList();
    }

    /** Every version of a kind, newest first. */
    public List<PlaybookVersion> history(String kind) {
        requireKind(kind);
        return rows.history(kind).stream().map(Playbooks::version).toList();
    }

    /** A version's YAML as it was saved; the newest when {@code version} is null. */
    public Optional<Saved> yaml(String kind, @Nullable Integer version) {
        requireKind(kind);
        Optional<PlaybookRow> row = version == null ? rows.latest(kind) : rows.find(kind, version);
        return row.map(r -> new Saved(version(r), r.yaml()));
    }

    /** A version of a kind's playbook, read from its YAML once and kept (versions never change). */
    public Optional<Playbook> get(String kind, int version) {
        Playbook known = parsed.get(kind + ":" + version);
        if (known != null) {
            return Optional.of(known);
        }
        return rows.find(kind, version).map(this::parse);
    }

    /** The newest version of a kind's playbook. */
    public Optional<Playbook> current(String kind) {
        requireKind(kind);
        return rows.latest(kind).map(this::parse);
    }

    /**
     * The version in force at an instant: the newest saved at or before it (the first version when none was
     * yet; the shipped one, saved now, when the kind has none at all). The same instant always gives the same
     * version, so an incident's playbook is found again when the projections are rebuilt.
     */
    public int versionAt(String kind, Instant at) {
        Optional<PlaybookRow> row = rows.inForceAt(kind, at);
        if (row.isPresent()) {
            return row.get().version();
        }
        if (rows.find(kind, 1).isEmpty()) {
            seed(kind);
        }
        return 1;
    }

    /** Checks a playbook's YAML without saving it. */
    public List<PlaybookError> check(String kind, String yaml) {
        requireKind(kind);
        return PlaybookReader.read(kind, yaml).errors();
    }

    /** Saves a new version of a kind's playbook, or refuses it with every error, field by field, with line numbers. */
    public PlaybookVersion save(String kind, String yaml, String by) {
        requireKind(kind);
        PlaybookReader.Result result = PlaybookReader.read(kind, yaml);
        if (!result.ok()) {
            throw ProblemException.invalid(result.errors().stream()
                    .map(e -> new ProblemException.Field(e.field(), e.key(), e.messageArgs())).toList());
        }
        int version = rows.latest(kind).map(PlaybookRow::version).orElse(0) + 1;
        Instant now = clock.instant();
        if (rows.insert(kind, version, yaml, now, by) == 0) {
            throw ProblemException.conflict("playbook.savedMeanwhile");
        }
        return new PlaybookVersion(kind, version, now, by);
    }

    /** Saves the shipped playbook as version 1 of every kind that has none yet (at start). */
    public void seedShipped() {
        for (String kind : ProcedureLibrary.KINDS) {
            if (rows.find(kind, 1).isEmpty()) {
                seed(kind);
            }
        }
    }

    /** The playbook shipped with Stormdesk for a kind. */
    public static Playbook shipped(String kind) {
        PlaybookReader.Result result = PlaybookReader.read(kind, shippedYaml(kind));
        if (!result.ok()) {
            throw new IllegalStateException("The shipped playbook of " + kind + " is invalid: " + result.errors());
        }
        return result.playbook().withVersion(1);
    }

    private void seed(String kind) {
        shipped(kind);
        rows.insert(kind, 1, shippedYaml(kind), clock.instant(), SHIPPED_BY);
    }

    private Playbook parse(PlaybookRow row) {
        return parsed.computeIfAbsent(row.kind() + ":" + row.version(), k -> {
            PlaybookReader.Result result = PlaybookReader.read(row.kind(), row.yaml());
            if (!result.ok()) {
                throw new IllegalStateException("Playbook " + k + " no longer reads: " + result.errors());
            }
            return result.playbook().withVersion(row.version());
        });
    }

    private static String shippedYaml(String kind) {
        String resource = "procedures/playbooks/" + kind + ".yaml";
        try (InputStream in = Playbooks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireKind(String kind) {
        if (!ProcedureLibrary.KINDS.contains(kind)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "playbook.unknownKind", List.of(), kind);
        }
    }

    private static PlaybookVersion version(PlaybookRow r) {
        return new PlaybookVersion(r.kind(), r.version(), r.createdAt(), r.createdBy());
    }

    /** A version as saved: its YAML text. */
    public record Saved(PlaybookVersion version, String yaml) {
    }
}
