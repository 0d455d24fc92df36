package org.stormdesk.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the demo: passwords open a session through the sign-in form only; HTTP Basic takes API tokens. */
@MicronautTest(transactional = false)
class SignInTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    People people;

    @Test
    void passwordsSignInThroughTheFormAndApiTokensThroughBasic() {
        people.addIfAbsent(new NewPerson("carol", "Carol", List.of("manager"), null, null, "correct horse battery"));
        Api api = new Api(client);
        assertThat(api.get("carol:correct horse battery", "/api/auth/me").status()).isEqualTo(401);
        String token = people.issueToken("carol");
        assertThat(api.get("carol:" + token, "/api/auth/me").get("username")).isEqualTo("carol");
        assertThat(api.send(HttpRequest.POST("/api/auth/login", Map.of("username", "carol", "password", "correct horse battery")), null, "en").status())
                .isEqualTo(200);
        assertThat(people.find("agent1")).as("no demo people outside the demo").isEmpty();
    }
}
