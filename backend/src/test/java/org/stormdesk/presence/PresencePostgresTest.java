package org.stormdesk.presence;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL. */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.presence.sweep", value = "false")
class PresencePostgresTest extends PresenceContract implements OnFreshPostgres {
}
