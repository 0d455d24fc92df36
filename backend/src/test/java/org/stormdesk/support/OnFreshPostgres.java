package org.stormdesk.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code @MicronautTest} class that implements this runs on a PostgreSQL database of its own, made before
 * its application context starts and dropped after its last test (the class needs a per-class lifecycle).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface OnFreshPostgres extends TestPropertyProvider {

    /** The database each test class made, by class. */
    Map<Class<?>, String> DATABASES = new ConcurrentHashMap<>();

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = Postgres.freshDatabase();
        DATABASES.put(getClass(), props.get("stormdesk.test.database"));
        return props;
    }

    @AfterAll
    default void dropDatabase() {
        Postgres.drop(DATABASES.remove(getClass()));
    }
}
