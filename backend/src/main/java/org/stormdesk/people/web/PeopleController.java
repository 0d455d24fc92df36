package org.stormdesk.people.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.people.Contact;
import org.stormdesk.people.NewPerson;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

import java.util.List;

/** The people directory: administrators add people; everyone signed in reads the contacts to call. */
@Controller("/api/people")
@ExecuteOn(TaskExecutors.BLOCKING)
class PeopleController {

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    @Get("/users")
    @Secured({"admin", "manager", "supervisor"})
    List<Person> users() {
        return people.all();
    }

    /** Adds a person; {@code ?token=true} also issues their first API token (for integrations and load tests). */
    @Post("/users")
    @Secured("admin")
    HttpResponse<Added> add(@Body NewPerson person, @QueryValue(defaultValue = "false") boolean token) {
        Person added = people.add(person);
        return HttpResponse.created(new Added(added, token ? people.issueToken(added.username()) : null));
    }

    @Get("/contacts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<Contact> contacts() {
        return people.contacts();
    }

    @Serdeable
    record Added(Person person, @Nullable String apiToken) {
    }
}
