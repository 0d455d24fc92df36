package org.stormdesk.supplies;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
class SuppliesH2Test extends SuppliesContract {
}
