package org.stormdesk.supplies;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppliesPostgresTest extends SuppliesContract implements OnFreshPostgres {
}
