package org.stormdesk.people.internal;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.stormdesk.people.People;
import org.stormdesk.people.Person;

import java.util.Map;

/**
 * Proves who someone is, for the sign-in form and for HTTP Basic alike: a password (slow hash) or a
 * personal API token (fast hash). Runs on the blocking executor, as it reads the database.
 */
@Singleton
public class PeopleAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final People people;

    public PeopleAuthentication(People people) {
        this.people = people;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> requestContext, AuthenticationRequest<String, String> request) {
        return people.authenticate(request.getIdentity(), request.getSecret())
                .map(PeopleAuthentication::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    private static AuthenticationResponse success(Person person) {
        return AuthenticationResponse.success(person.username(), person.roles(), Map.of("name", person.displayName()));
    }
}
