package org.stormdesk.site;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
class SiteH2Test extends SiteContract {
}
