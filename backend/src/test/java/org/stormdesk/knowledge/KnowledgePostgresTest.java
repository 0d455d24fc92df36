package org.stormdesk.knowledge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.stormdesk.support.OnFreshPostgres;

/** The same contract on PostgreSQL. */
@MicronautTest(environments = "demo", transactional = false)
class KnowledgePostgresTest extends KnowledgeContract implements OnFreshPostgres {
}
