package org.stormdesk.notify;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.public-url", value = "https://stormdesk.example")
@Property(name = "stormdesk.notify.max-attempts", value = "3")
@Property(name = "stormdesk.notify.timeout", value = "10s") // the receivers are local; a loaded machine can be slow
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsPostgresTest extends NotificationsContract implements OnFreshPostgres {
}
