package org.stormdesk.knowledge.internal;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.journal.Actor;
import org.stormdesk.knowledge.ArticleDraft;
import org.stormdesk.knowledge.KnowledgeBase;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** In the demo, the first start fills the empty knowledge base with the articles of {@code knowledge/demo-articles.yml}. */
@Singleton
public class KnowledgeSeeding implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSeeding.class);
    static final String DEMO = "knowledge/demo-articles.yml";
    private static final Actor SEEDER = new Actor("system", Set.of("admin"));

    private final KnowledgeBase knowledge;
    private final Environment environment;

    public KnowledgeSeeding(KnowledgeBase knowledge, Environment environment) {
        this.knowledge = knowledge;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (environment.getActiveNames().contains("demo") && knowledge.isEmpty()) {
            List<Map<String, Object>> articles = demoArticles();
            for (Map<String, Object> a : articles) {
                knowledge.create(SEEDER, UUID.fromString(String.valueOf(a.get("id"))), draft(a));
            }
            LOG.info("Seeded {} demo knowledge articles", articles.size());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> demoArticles() {
        try (InputStream in = KnowledgeSeeding.class.getClassLoader().getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEMO);
            }
            return (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static ArticleDraft draft(Map<String, Object> a) {
        return new ArticleDraft(String.valueOf(a.get("product")), (List<String>) a.get("tags"),
                (Map<String, String>) a.get("title"), (Map<String, String>) a.get("body"), null);
    }
}
