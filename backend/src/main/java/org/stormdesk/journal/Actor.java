package org.stormdesk.journal;

import io.micronaut.security.authentication.Authentication;

import java.util.Set;

/** Who records an entry: a signed-in person with their roles, or the server itself. */
public record Actor(String username, Set<String> roles) {

    public static final Actor SYSTEM = new Actor("system", Set.of("system"));

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The signed-in person behind a request. */
    public static Actor of(Authentication authentication) {
        return new Actor(authentication.getName(), Set.copyOf(authentication.getRoles()));
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
