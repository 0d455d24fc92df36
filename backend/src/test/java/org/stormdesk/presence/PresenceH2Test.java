package org.stormdesk.presence;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.presence.sweep", value = "false")
class PresenceH2Test extends PresenceContract {
}
