package org.stormdesk.incident;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
class IncidentLoopH2Test extends IncidentLoopContract {
}
