package org.stormdesk.feedback;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.media.sweep", value = "false")
@Property(name = "stormdesk.feedback.sweep", value = "false")
@Property(name = "stormdesk.feedback.warmup", value = "300")
class FeedbackH2Test extends FeedbackContract {
}
