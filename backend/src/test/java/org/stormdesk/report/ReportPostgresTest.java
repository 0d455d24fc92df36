package org.stormdesk.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL, the production database. */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
// exports are made whole before they are sent: give a loaded machine time
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPostgresTest extends ReportContract implements OnFreshPostgres {
}
