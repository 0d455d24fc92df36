package org.stormdesk.roster;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
class RosterH2Test extends RosterContract {
}
