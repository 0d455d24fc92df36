package org.stormdesk.traffic;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@Property(name = "stormdesk.traffic.simulator.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficPostgresTest extends TrafficContract implements OnFreshPostgres {
}
