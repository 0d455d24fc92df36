package org.stormdesk.notify;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.Postgres;

import java.util.Map;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.public-url", value = "https://stormdesk.example")
@Property(name = "stormdesk.notify.max-attempts", value = "3")
@Property(name = "stormdesk.notify.timeout", value = "2s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsPostgresTest extends NotificationsContract implements TestPropertyProvider {

    private String database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = Postgres.freshDatabase();
        database = props.get("stormdesk.test.database");
        return props;
    }

    @AfterAll
    void dropDatabase() {
        Postgres.drop(database);
    }
}
