package org.stormdesk.notify;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.public-url", value = "https://stormdesk.example")
@Property(name = "stormdesk.notify.max-attempts", value = "3")
@Property(name = "stormdesk.notify.timeout", value = "10s") // the receivers are local; a loaded machine can be slow
class NotificationsH2Test extends NotificationsContract {
}
