package org.stormdesk.power;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
class PowerH2Test extends PowerContract {
}
