package org.stormdesk.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock the server reads; tests replace it to move time instead of sleeping. */
@Factory
public class Clocks {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
