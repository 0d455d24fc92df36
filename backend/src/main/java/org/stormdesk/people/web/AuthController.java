package org.stormdesk.people.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.ProblemException;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

/** Who is signed in, and their personal API tokens. Sign-in and sign-out themselves are Micronaut Security's. */
@Controller("/api/auth")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final People people;

    AuthController(People people) {
        this.people = people;
    }

    @Get("/me")
    Person me(Authentication authentication) {
        return people.find(authentication.getName())
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "problem.unauthorized", java.util.List.of()));
    }

    @Post("/tokens")
    HttpResponse<TokenIssued> token(Authentication authentication) {
        return HttpResponse.created(new TokenIssued(people.issueToken(authentication.getName())));
    }

    @Serdeable
    record TokenIssued(String token) {
    }
}
