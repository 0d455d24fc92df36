package org.stormdesk.notify.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.notify.Audience;
import org.stormdesk.notify.db.PersonRepository;
import org.stormdesk.notify.db.PushSubscriptionRepository;
import org.stormdesk.notify.db.PersonRow;
import org.stormdesk.people.Contact;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an audience (roles, people, contacts) into the people and contacts to reach, each once, with their addresses. */
@Singleton
class Recipients {

    private final People people;
    private final PersonRepository addresses;
    private final PushSubscriptionRepository pushDevices;

    Recipients(People people, PersonRepository addresses, PushSubscriptionRepository pushDevices) {
        this.people = people;
        this.addresses = addresses;
        this.pushDevices = pushDevices;
    }

    List<Recipient> resolve(List<Audience> audience) {
        Map<String, Recipient> found = new LinkedHashMap<>();
        List<Person> everyone = null;
        List<Contact> contacts = null;
        for (Audience a : audience) {
            switch (a.type()) {
                case ROLE -> {
                    if (everyone == null) {
                        everyone = people.all();
                    }
                    everyone.stream().filter(p -> p.roles().contains(a.name())).forEach(p -> add(found, person(p)));
                }
                case USER -> people.find(a.name()).ifPresent(p -> add(found, person(p)));
                case CONTACT -> {
                    if (contacts == null) {
                        contacts = people.contacts();
                    }
                    List<Contact> byId = contacts.stream().filter(c -> c.id().equals(a.name())).toList();
                    List<Contact> matched = byId.isEmpty()
                            ? contacts.stream().filter(c -> c.category().equals(a.name())).toList() : byId;
                    matched.forEach(c -> add(found, new Recipient("contact:" + c.id(), null, c.email(), c.phone(), null, false)));
                }
                default -> throw new IllegalStateException(a.type().name());
            }
        }
        return new ArrayList<>(found.values());
    }

    private Recipient person(Person p) {
        PersonRow row = addresses.findById(p.username()).orElse(null);
        return new Recipient("user:" + p.username(), p.username(), row == null ? null : row.email(),
                row == null ? null : row.phone(), row == null ? null : row.language(), pushDevices.existsByUsername(p.username()));
    }

    private static void add(Map<String, Recipient> found, Recipient r) {
        found.putIfAbsent(r.id(), r);
    }

    /**
     * One person ({@code user:…}, with their username) or contact ({@code contact:…}) and where to reach them;
     * {@code push}: the person turned Web Push on on at least one device.
     */
    record Recipient(String id, @Nullable String username, @Nullable String email, @Nullable String phone,
                     @Nullable String language, boolean push) {
    }
}
