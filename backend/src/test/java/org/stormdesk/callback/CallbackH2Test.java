package org.stormdesk.callback;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.presence.sweep", value = "false")
class CallbackH2Test extends CallbackContract {
}
