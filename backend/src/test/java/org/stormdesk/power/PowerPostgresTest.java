package org.stormdesk.power;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PowerPostgresTest extends PowerContract implements OnFreshPostgres {
}
