package org.stormdesk.roster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.app.SiteCode;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;
import org.stormdesk.roster.db.ShiftRepository;
import org.stormdesk.roster.db.ShiftRow;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Who is on shift, where and as what: the one place every other capability asks. */
@Singleton
public class Roster {

    /** Longer than this is a typing mistake, not a shift. */
    public static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    static final Pattern SITE = SiteCode.PATTERN;
    static final Pattern SKILL = Pattern.compile("[\\p{L}\\p{N}_-]{1,30}");
    static final List<String> CSV_HEADER = List.of("username", "site", "starts_at", "ends_at", "position", "skills");

    private final ShiftRepository shifts;
    private final People people;
    private final Messages messages;

    public Roster(ShiftRepository shifts, People people, Messages messages) {
        this.shifts = shifts;
        this.people = people;
        this.messages = messages;
    }

    /** Everyone on shift anywhere at that instant. */
    public List<Shift> onShift(Instant at) {
        Map<String, String> names = names();
        return shifts.covering(at).stream().map(r -> view(r, names)).toList();
    }

    /** Everyone on shift at one site at that instant. */
    public List<Shift> onShift(Instant at, String site) {
        return onShift(at).stream().filter(s -> s.site().equals(site)).toList();
    }

    public Optional<Shift> shiftOf(String username, Instant at) {
        return shifts.coveringFor(username, at).stream().map(this::view).findFirst();
    }

    /** Shifts that overlap [from, to), at one site or anywhere. */
    public List<Shift> between(Instant from, Instant to, @Nullable String site) {
        Map<String, String> names = names();
        return shifts.overlapping(from, to).stream()
                .filter(r -> site == null || r.site().equals(site))
                .map(r -> view(r, names)).toList();
    }

    public List<String> sites() {
        return shifts.sites();
    }

    public Optional<Shift> find(String id) {
        return shifts.findById(id).map(this::view);
    }

    /** Adds a checked shift; refuses it with every reason at once. */
    public Shift add(NewShift shift, String by) {
        synchronized (this) {
            List<ProblemException.Field> wrong = check(shift);
            if (!wrong.isEmpty()) {
                throw ProblemException.invalid(wrong);
            }
            return store(shift, by);
        }
    }

    @Transactional
    public boolean remove(String id) {
        if (!shifts.existsById(id)) {
            return false;
        }
        shifts.deleteById(id);
        return true;
    }

    /**
     * Imports {@code username,site,starts_at,ends_at,position,skills} rows (a header row first; skills separated by
     * {@code ;} or spaces; times ISO-8601 with an offset). Good rows are stored; each bad row is answered with its
     * line and its reasons in the reader's language.
     */
    public ImportResult importCsv(String csv, String by, Locale locale) {
        List<ImportResult.RowError> errors = new ArrayList<>();
        int added = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> missing = CSV_HEADER.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("csv", "roster.csv.header", String.join(",", CSV_HEADER));
            }
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber();
                List<ProblemException.Field> wrong = new ArrayList<>();
                NewShift shift = parseRow(row, wrong);
                if (wrong.isEmpty()) {
                    synchronized (this) {
                        wrong.addAll(check(shift));
                        if (wrong.isEmpty()) {
                            store(shift, by);
                            added++;
                        }
                    }
                }
                for (ProblemException.Field f : wrong) {
                    errors.add(new ImportResult.RowError(line, f.name(), messages.get(locale, f.key(), f.args())));
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ProblemException.invalid("csv", "roster.csv.unreadable", e.getMessage());
        }
        return new ImportResult(added, errors);
    }

    private NewShift parseRow(CSVRecord row, List<ProblemException.Field> wrong) {
        if (!row.isConsistent()) {
            wrong.add(new ProblemException.Field("row", "roster.csv.columns", CSV_HEADER.size()));
            return null;
        }
        Instant starts = instant(row.get("starts_at"), "startsAt", wrong);
        Instant ends = instant(row.get("ends_at"), "endsAt", wrong);
        List<String> skills = Arrays.stream(row.get("skills").split("[;\\s]+")).filter(s -> !s.isBlank()).toList();
        return new NewShift(row.get("username"), row.get("site"), starts, ends, row.get("position"), skills);
    }

    private static Instant instant(String text, String field, List<ProblemException.Field> wrong) {
        if (text == null || text.isBlank()) {
            wrong.add(new ProblemException.Field(field, "roster.required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            wrong.add(new ProblemException.Field(field, "roster.time", text));
            return null;
        }
    }

    private List<ProblemException.Field> check(NewShift s) {
        List<ProblemException.Field> wrong = new ArrayList<>();
        if (s.username() == null || s.username().isBlank()) {
            wrong.add(new ProblemException.Field("username", "roster.required"));
        } else if (people.find(s.username()).isEmpty()) {
            wrong.add(new ProblemException.Field("username", "roster.unknownPerson", s.username()));
        }
        if (s.site() == null || !SITE.matcher(s.site()).matches()) {
            wrong.add(new ProblemException.Field("site", "roster.site"));
        }
        if (s.position() == null || Position.parse(s.position()).isEmpty()) {
            wrong.add(new ProblemException.Field("position", "roster.position",
                    Arrays.stream(Position.values()).map(Position::wire).collect(Collectors.joining(", "))));
        }
        List<String> skills = s.skills() == null ? List.of() : s.skills();
        if (skills.size() > 10 || skills.stream().anyMatch(k -> !SKILL.matcher(k).matches())) {
            wrong.add(new ProblemException.Field("skills", "roster.skills"));
        }
        if (s.startsAt() == null) {
            wrong.add(new ProblemException.Field("startsAt", "roster.required"));
        }
        if (s.endsAt() == null) {
            wrong.add(new ProblemException.Field("endsAt", "roster.required"));
        }
        if (s.startsAt() != null && s.endsAt() != null) {
            if (!s.endsAt().isAfter(s.startsAt())) {
                wrong.add(new ProblemException.Field("endsAt", "roster.order"));
            } else if (Duration.between(s.startsAt(), s.endsAt()).compareTo(LONGEST_SHIFT) > 0) {
                wrong.add(new ProblemException.Field("endsAt", "roster.tooLong", LONGEST_SHIFT.toHours()));
            } else if (wrong.stream().noneMatch(f -> f.name().equals("username"))
                    && !shifts.overlappingFor(s.username(), s.startsAt(), s.endsAt()).isEmpty()) {
                wrong.add(new ProblemException.Field("startsAt", "roster.overlap", s.username()));
            }
        }
        return wrong;
    }

    @Transactional
    Shift store(NewShift s, String by) {
        String skills = String.join(",", s.skills() == null ? List.of() : s.skills());
        ShiftRow row = shifts.save(new ShiftRow(UUID.randomUUID().toString(), s.username(), s.site(),
                s.startsAt(), s.endsAt(), s.position(), skills, by));
        return view(row);
    }

    private Map<String, String> names() {
        return people.all().stream().collect(Collectors.toMap(Person::username, Person::displayName, (a, b) -> a));
    }

    private Shift view(ShiftRow r) {
        String name = people.find(r.username()).map(Person::displayName).orElse(r.username());
        return toShift(r, name);
    }

    private static Shift view(ShiftRow r, Map<String, String> names) {
        return toShift(r, names.getOrDefault(r.username(), r.username()));
    }

    private static Shift toShift(ShiftRow r, String name) {
        List<String> skills = r.skills().isBlank() ? List.of() : List.of(r.skills().split(","));
        return new Shift(r.id(), r.username(), name, r.site(), r.startsAt(), r.endsAt(), r.position(), skills);
    }
}
