package org.stormdesk.callback;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.presence.sweep", value = "false")
// a loaded build machine answers slowly; the behaviour, not the speed, is under test
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class CallbackH2Test extends CallbackContract {
}
