package org.stormdesk.capture;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@Property(name = "stormdesk.capture.sweep", value = "false")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class CaptureH2Test extends CaptureContract {
}
