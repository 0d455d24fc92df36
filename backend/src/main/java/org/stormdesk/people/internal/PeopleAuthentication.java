package org.stormdesk.people.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
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
    private final String loginPath;
    private final boolean passwordsOverBasic;

    public PeopleAuthentication(People people, Environment environment,
                                @Value("${micronaut.security.endpoints.login.path:/login}") String loginPath) {
        this.people = people;
        this.loginPath = loginPath;
        this.passwordsOverBasic = environment.getActiveNames().contains("demo");
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> requestContext, AuthenticationRequest<String, String> request) {
        // Passwords are for the sign-in form; HTTP Basic takes API tokens (and, in the demo only, passwords too).
        boolean signIn = requestContext != null && loginPath.equals(requestContext.getPath());
        String secret = request.getSecret();
        if (!signIn && !passwordsOverBasic && (secret == null || !People.isApiToken(secret))) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return people.authenticate(request.getIdentity(), secret)
                .map(PeopleAuthentication::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    private static AuthenticationResponse success(Person person) {
        return AuthenticationResponse.success(person.username(), person.roles(), Map.of("name", person.displayName()));
    }
}
