package org.stormdesk.escalation;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
class EscalationH2Test extends EscalationContract {
}
