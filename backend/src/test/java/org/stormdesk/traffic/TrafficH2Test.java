package org.stormdesk.traffic;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@Property(name = "stormdesk.traffic.simulator.enabled", value = "false")
class TrafficH2Test extends TrafficContract {
}
