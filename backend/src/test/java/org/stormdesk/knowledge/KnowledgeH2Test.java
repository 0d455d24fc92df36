package org.stormdesk.knowledge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(environments = "demo", transactional = false)
class KnowledgeH2Test extends KnowledgeContract {
}
