package org.stormdesk.outbound;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.outbound.calls-per-hour", value = "2")
@Property(name = "stormdesk.outbound.demo-plan", value = "false")
@Property(name = "stormdesk.traffic.simulator.enabled", value = "false")
@Property(name = "stormdesk.presence.sweep", value = "false")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class OutboundH2Test extends OutboundContract {
}
