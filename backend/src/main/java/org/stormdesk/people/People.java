package org.stormdesk.people;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.people.db.ContactRepository;
import org.stormdesk.people.db.ContactRow;
import org.stormdesk.people.db.TokenRepository;
import org.stormdesk.people.db.TokenRow;
import org.stormdesk.people.db.UserRepository;
import org.stormdesk.people.db.UserRow;
import org.stormdesk.people.internal.Secrets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The people directory: who may sign in, with which roles, how they prove it, and the contacts to call. */
@Singleton
public class People {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private final UserRepository users;
    private final TokenRepository tokens;
    private final ContactRepository contacts;
    private final Clock clock;
    /** How long a proven secret is trusted without asking the database again (a disabled person is out within it). */
    static final java.time.Duration PROVEN_FOR = java.time.Duration.ofMinutes(1);

    /**
     * Secrets already proven, by their SHA-256, with the person they prove: a slow password check happens
     * once, and a request costs a hash and a map lookup rather than a database round trip.
     */
    private final ConcurrentHashMap<String, Proven> proven = new ConcurrentHashMap<>();

    public People(UserRepository users, TokenRepository tokens, ContactRepository contacts, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Optional<Person> find(String username) {
        return users.findById(username).filter(UserRow::active).map(People::person);
    }

    public List<Person> all() {
        return users.findAllOrderByUsername().stream().filter(UserRow::active).map(People::person).toList();
    }

    /** The person whose password or API token this is, if any. */
    public Optional<Person> authenticate(String username, String secret) {
        if (username == null || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String key = Secrets.sha256(username + "\u0000" + secret);
        Proven known = proven.get(key);
        if (known != null && known.person().username().equals(username) && clock.instant().isBefore(known.until())) {
            return Optional.of(known.person());
        }
        proven.remove(key);
        Optional<UserRow> row = users.findById(username).filter(UserRow::active);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = isApiToken(secret)
                ? tokens.findById(Secrets.sha256(secret)).filter(t -> t.username().equals(username)).isPresent()
                : Secrets.passwordMatches(secret, row.get().passwordHash());
        if (!ok) {
            return Optional.empty();
        }
        Person person = person(row.get());
        proven.put(key, new Proven(person, clock.instant().plus(PROVEN_FOR)));
        return Optional.of(person);
    }

    /** Whether a secret is shaped like a personal API token rather than a password. */
    public static boolean isApiToken(String secret) {
        return secret.startsWith("sd_") && secret.length() == 46;
    }

    /** A new personal API token for the person, shown this once. */
    @Transactional
    public String issueToken(String username) {
        String token = Secrets.newToken();
        tokens.save(new TokenRow(Secrets.sha256(token), username, clock.instant()));
        return token;
    }

    /** Adds a person; refuses a malformed or taken username and unknown roles. */
    @Transactional
    public Person add(NewPerson p) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (p.username() == null || !USERNAME.matcher(p.username()).matches()) {
            errors.add(new ProblemException.Field("username", "people.username.invalid"));
        } else if (users.existsById(p.username())) {
            errors.add(new ProblemException.Field("username", "people.username.taken"));
        }
        if (p.displayName() == null || p.displayName().isBlank() || p.displayName().length() > 80) {
            errors.add(new ProblemException.Field("displayName", "field.required"));
        }
        if (p.roles() == null || p.roles().isEmpty() || !p.roles().stream().allMatch(r -> Role.parse(r).isPresent())) {
            errors.add(new ProblemException.Field("roles", "people.roles.invalid"));
        }
        if (p.password() != null && p.password().length() < 8 && !p.password().equals("demo")) {
            errors.add(new ProblemException.Field("password", "people.password.short"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UserRow row = new UserRow(p.username(), p.displayName().strip(), String.join(",", p.roles()), p.team(), p.seat(),
                p.password() == null ? null : Secrets.hashPassword(p.password()), true, clock.instant());
        users.save(row);
        return person(row);
    }

    /** Adds a person unless one with that username exists (used to seed the demo and the first administrator). */
    @Transactional
    public boolean addIfAbsent(NewPerson p) {
        if (users.existsById(p.username())) {
            return false;
        }
        add(p);
        return true;
    }

    public boolean anyAdmin() {
        return users.findAllOrderByUsername().stream().anyMatch(u -> u.active() && roles(u).contains("admin"));
    }

    public List<Contact> contacts() {
        return contacts.findAllOrderByCategoryAndName().stream()
                .map(c -> new Contact(c.id(), c.name(), c.organization(), c.category(), c.phone(), c.email(), c.supports()))
                .toList();
    }

    @Transactional
    public void addContactIfAbsent(Contact c) {
        if (!contacts.existsById(c.id())) {
            contacts.save(new ContactRow(c.id(), c.name(), c.organization(), c.category(), c.phone(), c.email(), c.supports()));
        }
    }

    private record Proven(Person person, java.time.Instant until) {
    }

    private static List<String> roles(UserRow row) {
        return Arrays.stream(row.roles().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Person person(UserRow row) {
        return new Person(row.username(), row.displayName(), roles(row), row.team(), row.seat());
    }
}
